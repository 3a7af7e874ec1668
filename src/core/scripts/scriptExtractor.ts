/** What each script language supplies: how to find request bodies in its syntax tree. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { EmbeddedBody } from '../embedded/embeddedBody';

export interface ScriptExtractor {
  /** Every body literal the script writes, with what the script sends it to where that can be told. */
  extract(root: Node, text: string): EmbeddedBody[];
}
