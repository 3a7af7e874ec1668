/**
 * The comment that names a JSON file's operation: `// mde: POST /api/machines/{id}/isolate`.
 * It may stand in any comment before the JSON starts, in `//` or `/* … *\/` form.
 */
export interface OperationDirective {
  readonly method: string;
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

const DIRECTIVE = /(?:\/\/|\/\*)[ \t]*mde:[ \t]*([A-Za-z]+)[ \t]+([^\s*]+)/y;

export function operationDirective(text: string): OperationDirective | undefined {
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\uFEFF') {
      i++;
      continue;
    }
    if (text.startsWith('//', i) || text.startsWith('/*', i)) {
      DIRECTIVE.lastIndex = i;
      const match = DIRECTIVE.exec(text);
      if (match) {
        return { method: match[1].toUpperCase(), path: match[2], start: i, end: i + match[0].length };
      }
      const lineComment = text.startsWith('//', i);
      const close = lineComment ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + (lineComment ? 1 : 2);
      continue;
    }
    return undefined;
  }
  return undefined;
}
