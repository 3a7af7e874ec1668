/**
 * Offsets as 1-based lines and columns, as the editor counts them: a line ends at CRLF, LF or a
 * lone CR, and columns count UTF-16 code units (SARIF's default `columnKind`, and VS Code's).
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 13 /* \r */ || code === 10 /* \n */) {
        if (code === 13 && text.charCodeAt(index + 1) === 10) {
          index++;
        }
        this.starts.push(index + 1);
      }
    }
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}
