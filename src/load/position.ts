// Positions stay 0-based inside podlint; formatters convert at the edge (1-based text, LSP 0-based).
// Columns count UTF-16 code units, as JavaScript strings, ESLint, LSP and SARIF's default do.

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  column: number;
}

export interface SourceRange {
  start: Position;
  /** Exclusive end. */
  end: Position;
  /** Offsets into the file text, end exclusive. */
  startOffset: number;
  endOffset: number;
}

/** Maps offsets to line and column with a binary search over line starts. */
export class LineIndex {
  constructor(private readonly lineStarts: readonly number[]) {}

  static fromText(text: string): LineIndex {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return new LineIndex(starts);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: offset - (this.lineStarts[low] ?? 0) };
  }

  range(startOffset: number, endOffset: number): SourceRange {
    return { start: this.position(startOffset), end: this.position(endOffset), startOffset, endOffset };
  }

  lineStart(line: number): number | undefined {
    return this.lineStarts[line];
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
