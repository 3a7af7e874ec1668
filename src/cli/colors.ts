/**
 * Colours for the stylish format: only on a terminal, never in a file, and as the environment
 * says: FORCE_COLOR (not "0" or "false") turns them on even in a pipe, NO_COLOR (non-empty) turns
 * them off; FORCE_COLOR wins, as in Node itself.
 */

export interface Style {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly green: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly underline: (text: string) => string;
}

export interface ColorTarget {
  readonly isTTY?: boolean;
  hasColors?(): boolean;
}

export function colorsWanted(target: ColorTarget | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!target) {
    return false;
  }
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    return force !== '0' && force !== 'false';
  }
  if (env.NO_COLOR) {
    return false;
  }
  return target.isTTY === true && env.TERM !== 'dumb' && (target.hasColors?.() ?? true);
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function styleFor(enabled: boolean): Style {
  if (!enabled) {
    const plain = (text: string) => text;
    return { red: plain, yellow: plain, cyan: plain, green: plain, dim: plain, bold: plain, underline: plain };
  }
  return { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}
