import path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { formatProblem, type ConfigProblem } from '../config/config-error.js';
import { DIAGNOSTIC_SOURCE, toLspRange } from './diagnostics.js';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The diagnostics of an open configuration file: its own problems where they are written; those
 * of a file it extends or a rule it loads at its first line, naming where they are, since the
 * configuration as a whole is what cannot be used.
 */
export function configDiagnostics(filePath: string, problems: readonly ConfigProblem[]): Diagnostic[] {
  return problems.map((problem) => {
    const own = problem.filePath === filePath;
    return {
      range: own && problem.range ? toLspRange(problem.range) : FILE_START,
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      message: own ? problem.message : formatProblem(problem, path.dirname(filePath)),
    };
  });
}
