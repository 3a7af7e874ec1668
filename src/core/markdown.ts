/** Markdown for hovers from untrusted text: escaped, bounded, and with no live link of the text's own. */

/** Longest pasted text shown in a hover; the rest is elided so a 10 MB message stays cheap. */
export const MAX_SHOWN_LENGTH = 500;

/**
 * Backslash-escapes every ASCII punctuation character, which CommonMark allows for all of them:
 * no emphasis, link, HTML tag or entity survives, and with `:` escaped neither do autolinks
 * such as `https://…` or `command:…` in pasted text.
 */
export function escapeMarkdown(untrusted: string, maxLength = MAX_SHOWN_LENGTH): string {
  const bounded = untrusted.length > maxLength ? `${untrusted.slice(0, maxLength)}…` : untrusted;
  return bounded
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Inline code that cannot be broken out of, for identifiers such as error codes. */
export function inlineCode(untrusted: string, maxLength = MAX_SHOWN_LENGTH): string {
  const bounded = untrusted.length > maxLength ? `${untrusted.slice(0, maxLength)}…` : untrusted;
  const clean = bounded.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A link to one of this extension's own commands, arguments encoded as VS Code expects. */
export function commandLink(label: string, command: string, args: readonly unknown[]): string {
  // encodeURIComponent keeps `(` and `)`: a pasted `)` in an argument would end the link early
  // and let the rest of the argument render as Markdown of its own.
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdown(label)}](command:${command}?${encoded})`;
}
