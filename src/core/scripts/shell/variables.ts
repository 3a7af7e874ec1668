/**
 * The script's own variables (`BASE="https://…/api"`, `export BODY='{…}'`, `read -r -d '' BODY <<EOF`),
 * so a URL or body written as `"$BASE/machines/$ID/isolate"` or `-d "$BODY"` is read through them.
 */
import type { ShellIndex } from './shellIndex';
import type { Node } from '@vscode/tree-sitter-wasm';
import { readWord, type Word } from './words';

const MAX_HOPS = 8;

/** The variable a `$NAME` or `${NAME}` expansion reads; undefined for any other expansion. */
export function expandedName(expansion: string): string | undefined {
  return /^\$\{?([A-Za-z_]\w*)\}?$/.exec(expansion)?.[1];
}

interface Assignment {
  readonly offset: number;
  readonly value: Node;
}

export class ShellVariables {
  private readonly assignments = new Map<string, Assignment[]>();

  constructor(
    nodes: ShellIndex,
    private readonly text: string,
  ) {
    for (const assignment of nodes.of('variable_assignment')) {
      const name = assignment.childForFieldName('name');
      const value = assignment.childForFieldName('value');
      if (name?.type === 'variable_name' && value) {
        this.add(name.text, assignment.startIndex, value);
      }
    }
    for (const statement of nodes.of('redirected_statement')) {
      const read = readIntoVariable(statement);
      if (read) {
        this.add(read.name, statement.startIndex, read.value);
      }
    }
    for (const list of this.assignments.values()) {
      list.sort((a, b) => a.offset - b.offset);
    }
  }

  /** The value last assigned before `offset` (bash variable names are case-sensitive). */
  valueOf(name: string, offset: number): Node | undefined {
    let found: Assignment | undefined;
    for (const assignment of this.assignments.get(name) ?? []) {
      if (assignment.offset < offset) {
        found = assignment;
      }
    }
    return found?.value;
  }

  /** What a word says, through the script's variables; what cannot be known is written `{{}}`. */
  resolveText(word: Word, hops = MAX_HOPS): string {
    return word
      .flatMap((part) => part.pieces)
      .map((piece) => {
        if (piece.kind === 'text') {
          return piece.text;
        }
        if (piece.kind === 'escape') {
          return piece.char;
        }
        const name = expandedName(this.text.slice(piece.hostStart, piece.hostEnd));
        const value = name && hops > 0 ? this.valueOf(name, piece.hostStart) : undefined;
        const assigned = value && readWord(value, this.text);
        return assigned ? this.resolveText(assigned, hops - 1) : '{{}}';
      })
      .join('');
  }

  private add(name: string, offset: number, value: Node): void {
    const list = this.assignments.get(name) ?? [];
    list.push({ offset, value });
    this.assignments.set(name, list);
  }
}

/** `read -r -d '' BODY <<'EOF'`: the heredoc becomes the variable's value. */
function readIntoVariable(statement: Node): { name: string; value: Node } | undefined {
  const command = statement.childForFieldName('body');
  if (command?.type !== 'command' || command.childForFieldName('name')?.text !== 'read') {
    return undefined;
  }
  const body = statement.childrenForFieldName('redirect').find((redirect) => redirect?.type === 'heredoc_redirect')?.namedChildren.find((child) => child?.type === 'heredoc_body');
  const args = command.childrenForFieldName('argument');
  const last = args[args.length - 1];
  return body && last && /^[A-Za-z_]\w*$/.test(last.text) ? { name: last.text, value: body } : undefined;
}
