import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/finding.js';

/** What a document linted to, for one version of its text and one generation of the settings. */
export interface LintResult {
  readonly uri: string;
  readonly version: number;
  readonly generation: number;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  /** The open document it is for: a document closed and opened again is another one. */
  readonly document: TextDocument;
}

export type LintOutcome = Pick<LintResult, 'findings' | 'diagnostics'>;

/**
 * The lint results of open documents, computed asynchronously (settings may need rule modules
 * imported) and kept in order: each document is linted at most once per version and settings
 * generation, concurrent requests share the run, and a result that is stale when it is ready (the
 * text was edited, the document closed, the settings changed) never replaces a newer one.
 */
export class LintResults {
  private current = 0;
  private readonly results = new Map<string, LintResult>();
  private readonly running = new Map<string, { readonly document: TextDocument; readonly version: number; readonly generation: number; readonly result: Promise<LintResult> }>();

  constructor(
    /** Lints a document's text as it is when called, with the settings of `generation`. */
    private readonly compute: (document: TextDocument, generation: number) => Promise<LintOutcome>,
    /** The open document with that URI now, if any. */
    private readonly openDocument: (uri: string) => TextDocument | undefined,
  ) {}

  /** The settings generation: results of an earlier one are stale. */
  get generation(): number {
    return this.current;
  }

  /** The settings changed: everything computed so far, or being computed, is stale. */
  invalidate(): void {
    this.current++;
    this.results.clear();
    this.running.clear();
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.results.delete(uri);
    this.running.delete(uri);
  }

  /** The result for the document's text now; it may be stale by the time it resolves. */
  lint(document: TextDocument): Promise<LintResult> {
    const { uri, version } = document;
    const cached = this.results.get(uri);
    if (cached && cached.document === document && cached.version === version && cached.generation === this.current) return Promise.resolve(cached);
    const inFlight = this.running.get(uri);
    if (inFlight && inFlight.document === document && inFlight.version === version && inFlight.generation === this.current) return inFlight.result;
    const generation = this.current;
    const result: Promise<LintResult> = this.compute(document, generation)
      .then((outcome) => {
        const computed: LintResult = { uri, version, generation, document, ...outcome };
        if (this.isCurrent(computed)) this.results.set(uri, computed);
        return computed;
      })
      .finally(() => {
        if (this.running.get(uri)?.result === result) this.running.delete(uri);
      });
    this.running.set(uri, { document, version, generation, result });
    return result;
  }

  /**
   * The result for the document's latest text and settings, linting again as long as edits or
   * configuration changes overtake the run (what a pull or a code action must answer with).
   */
  async latest(document: TextDocument): Promise<LintResult> {
    let result = await this.lint(document);
    for (let now = this.openDocument(document.uri); now && !this.isCurrent(result); now = this.openDocument(document.uri)) {
      result = await this.lint(now);
    }
    return result;
  }

  /** True when the result is for the open document's text now, with the settings now. */
  isCurrent(result: LintResult): boolean {
    const now = this.openDocument(result.uri);
    return now === result.document && now.version === result.version && result.generation === this.current;
  }
}
