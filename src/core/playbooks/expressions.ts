/**
 * Workflow expressions (`@{…}` inside a string, or a whole value starting with `@`) and ARM
 * template expressions (a whole value `[…]`): values only known when the workflow runs or the
 * template deploys. They are never reported; in a URI or path each stands for any one segment.
 */

/**
 * Whether a string value in a body is not sent as written: it is, or holds, an expression of the
 * workflow or (in an ARM template) of the template, or an escape (`@@`, `[[`) the host undoes.
 * Escaped literals are rare in bodies; counting them as unknown keeps their one removed character
 * from being reported as a misspelling.
 */
export function isNotSentAsWritten(value: string, inTemplate: boolean): boolean {
  return value.startsWith('@') || value.includes('@{') || (inTemplate && value.startsWith('['));
}

/** `[[` at the start is an escape for a literal `[`. */
function isTemplateExpression(value: string): boolean {
  return value.startsWith('[') && !value.startsWith('[[') && value.trimEnd().endsWith(']');
}

const UNKNOWN = '{{}}';

/** A URI or path with every part only known at run time written `{{}}` (see embeddedBody.ts). */
export function urlWithPlaceholders(value: string, inTemplate: boolean): string {
  if (inTemplate && isTemplateExpression(value)) {
    return templateUrl(value.trim().slice(1, -1).trim());
  }
  if (inTemplate && value.startsWith('[[')) {
    return workflowUrl(value.slice(1));
  }
  return workflowUrl(value);
}

function workflowUrl(value: string): string {
  if (value.startsWith('@') && !value.startsWith('@@') && !value.startsWith('@{')) {
    return UNKNOWN;
  }
  let result = '';
  let i = value.startsWith('@@') ? 1 : 0;
  while (i < value.length) {
    if (value.startsWith('@@{', i)) {
      result += '@{';
      i += 3;
    } else if (value.startsWith('@{', i)) {
      result += UNKNOWN;
      i = interpolationEnd(value, i + 2);
    } else {
      result += value[i];
      i++;
    }
  }
  return result;
}

/** The offset after the `}` closing an interpolation opened before `from`; braces in `'strings'` do not count. */
function interpolationEnd(value: string, from: number): number {
  let depth = 1;
  for (let i = from; i < value.length; i++) {
    const ch = value[i];
    if (ch === "'") {
      // `''` inside a string is a quote; either way the string runs to the next lone quote.
      i = value.indexOf("'", i + 1);
      while (i >= 0 && value[i + 1] === "'") {
        i = value.indexOf("'", i + 2);
      }
      if (i < 0) {
        return value.length;
      }
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}' && --depth === 0) {
      return i + 1;
    }
  }
  return value.length;
}

/**
 * `concat('https://host/api/machines/', parameters('id'), '/isolate')` and
 * `format('{0}/machines/{1}/isolate', a, b)`: the literal parts are kept. Anything else is unknown.
 */
function templateUrl(expression: string): string {
  const call = /^(concat|format)\s*\(([\s\S]*)\)$/i.exec(expression);
  if (!call) {
    return UNKNOWN;
  }
  const args = splitArguments(call[2]).map((arg) => {
    const literal = /^'((?:[^']|'')*)'$/.exec(arg.trim());
    return literal ? literal[1].replace(/''/g, "'") : undefined;
  });
  if (call[1].toLowerCase() === 'concat') {
    return args.map((arg) => (arg === undefined ? UNKNOWN : workflowUrl(arg))).join('');
  }
  const [template, ...values] = args;
  if (template === undefined) {
    return UNKNOWN;
  }
  const filled = template.replace(/\{(\d+)(?::[^}]*)?\}/g, (_, index: string) => values[Number(index)] ?? UNKNOWN);
  return workflowUrl(filled);
}

/** Top-level arguments of a call: commas inside strings or nested calls do not split. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "'" && text[i + 1] === "'") {
        i++;
      } else if (ch === "'") {
        inString = false;
      }
    } else if (ch === "'") {
      inString = true;
    } else if (ch === '(' || ch === '[') {
      depth++;
    } else if (ch === ')' || ch === ']') {
      depth--;
    } else if (ch === ',' && depth === 0) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  args.push(text.slice(start));
  return args;
}
