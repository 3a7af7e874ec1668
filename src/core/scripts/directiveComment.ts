/**
 * `# mde: POST /api/machines/{id}/isolate` (or `// mde: …`) on the line just above a body or the
 * statement that sends it: names the operation in any script language, as a JSON file's first
 * comment does.
 */
import type { BodyTarget } from '../embedded/embeddedBody';

const DIRECTIVE_LINE = /^[ \t]*(?:#|\/\/|<#|\/\*)[ \t]*mde:[ \t]*([A-Za-z]+)[ \t]+([^\s*#]+)/;

/** The directive on the lines right above `offset` (blank lines and other comment lines may stand between). */
export function directiveAbove(text: string, offset: number): BodyTarget | undefined {
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  for (let scanned = 0; lineStart > 0 && scanned < 8; scanned++) {
    const previousEnd = lineStart - 1;
    const previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
    const line = text.slice(previousStart, previousEnd).replace(/\r$/, '');
    const match = DIRECTIVE_LINE.exec(line);
    if (match) {
      const start = previousStart + line.indexOf('mde:');
      return {
        source: 'directive',
        method: match[1].toUpperCase(),
        url: match[2],
        urlSpan: { start, end: previousStart + match[0].length },
      };
    }
    if (!/^[ \t]*(?:#|\/\/|$)/.test(line)) {
      return undefined;
    }
    lineStart = previousStart;
  }
  return undefined;
}
