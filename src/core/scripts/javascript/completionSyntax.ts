/** How completions write a property or a string in JavaScript and TypeScript, in the file's own quotes. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { HostSyntax } from '../../embedded/embeddedBody';
import { isIdentifierName, type Quote } from './strings';

/** The quote most string literals near the top of the file use; single when they are even. */
export function preferredQuote(root: Node, text: string): Quote {
  let single = 0;
  let double = 0;
  // The first few hundred lines tell the style as well as the whole file, for a fraction of the work.
  for (const literal of root.descendantsOfType('string', { row: 0, column: 0 }, { row: 400, column: 0 })) {
    if (literal && text[literal.startIndex] === '"') {
      double++;
    } else if (literal) {
      single++;
    }
  }
  return double > single ? '"' : "'";
}

export function javascriptSyntax(quote: Quote): HostSyntax {
  // Snippet text is already escaped for `$`, `}` and `\`; only the quote needs escaping for the literal.
  const literal = (text: string) => `${quote}${text.split(quote).join(`\\${quote}`)}${quote}`;
  return {
    property: (name, valueSnippet) => `${isIdentifierName(name) ? name : literal(name)}: ${valueSnippet}`,
    string: literal,
  };
}
