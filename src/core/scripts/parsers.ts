/**
 * Tree-sitter parsers, one per grammar, loaded the first time a document of that language is
 * analysed. The host hands in the WebAssembly bytes, so this module needs no file system and a
 * browser host can serve them as well as Node.
 */
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import { GRAMMAR_FILES, RUNTIME_FILE, type Grammar } from './grammars';

/** Reads one of the shipped .wasm files by name. */
export type WasmLoader = (fileName: string) => Promise<Uint8Array>;

export class ScriptParsers {
  private runtime: Promise<void> | undefined;
  private readonly pending = new Map<Grammar, Promise<Parser>>();
  private readonly ready = new Map<Grammar, Parser>();

  constructor(private readonly load: WasmLoader) {}

  /** Loads the grammar (and the runtime) once; rejects with the loader's error if a file is missing. */
  prepare(grammar: Grammar): Promise<Parser> {
    let parser = this.pending.get(grammar);
    if (!parser) {
      parser = this.loadParser(grammar);
      this.pending.set(grammar, parser);
      // A failed load may succeed later (a file restored): it is not cached.
      parser.catch(() => this.pending.delete(grammar));
    }
    return parser;
  }

  /** The parser for a grammar already prepared, for the synchronous analysis path. */
  parser(grammar: Grammar): Parser | undefined {
    return this.ready.get(grammar);
  }

  private async loadParser(grammar: Grammar): Promise<Parser> {
    this.runtime ??= this.load(RUNTIME_FILE).then((wasmBinary) => Parser.init({ wasmBinary } as unknown as Parameters<typeof Parser.init>[0]));
    try {
      await this.runtime;
    } catch (error) {
      this.runtime = undefined;
      throw error;
    }
    const language = await Language.load(await this.load(GRAMMAR_FILES[grammar]));
    const parser = new Parser();
    parser.setLanguage(language);
    this.ready.set(grammar, parser);
    return parser;
  }
}
