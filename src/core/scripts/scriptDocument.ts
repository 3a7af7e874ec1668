/**
 * A script document kept between edits: its syntax tree is reparsed incrementally, and bodies are
 * found and validated again only when the text changed.
 */
import type { Parser, Tree } from '@vscode/tree-sitter-wasm';
import type { OperationMatcher } from '../catalog/operationMatcher';
import { validateEmbedded, type AnalyzedBody } from '../embedded/embeddedBody';
import type { Finding } from '../findings';
import type { TextChange } from '../requests/incrementalHttp';
import type { DocumentAnalysis } from '../requests/requestAnalyzer';
import { mayHoldDefenderBodies } from './precheck';
import type { ScriptExtractor } from './scriptExtractor';

const NOTHING: DocumentAnalysis = { findings: [], requests: [], bodies: [] };

export class ScriptDocument {
  private text = '';
  private tree: Tree | undefined;
  private analysis: DocumentAnalysis | undefined;

  constructor(
    private readonly parser: Parser,
    private readonly extractor: ScriptExtractor,
    private readonly matcher: OperationMatcher,
  ) {}

  reset(text: string): void {
    this.forgetTree();
    this.text = text;
    this.analysis = undefined;
    if (mayHoldDefenderBodies(text)) {
      this.tree = this.parser.parse(text) ?? undefined;
    }
  }

  /** Applies an edit; one change reuses the old tree, several (rare) parse the text afresh. */
  update(text: string, changes: readonly TextChange[]): void {
    if (!this.tree || changes.length !== 1) {
      this.reset(text);
      return;
    }
    const [change] = changes;
    const oldText = this.text;
    this.tree.edit({
      startIndex: change.start,
      oldEndIndex: change.end,
      newEndIndex: change.start + change.newLength,
      startPosition: pointAt(oldText, change.start),
      oldEndPosition: pointAt(oldText, change.end),
      newEndPosition: pointAt(text, change.start + change.newLength),
    });
    const old = this.tree;
    this.tree = this.parser.parse(text, old) ?? undefined;
    old.delete();
    this.text = text;
    this.analysis = undefined;
  }

  analyze(): DocumentAnalysis {
    if (!this.analysis) {
      this.analysis = this.tree ? analyzeTree(this.tree, this.text, this.extractor, this.matcher) : NOTHING;
    }
    return this.analysis;
  }

  /** Trees live in WebAssembly memory, which the garbage collector does not see. */
  dispose(): void {
    this.forgetTree();
  }

  private forgetTree(): void {
    this.tree?.delete();
    this.tree = undefined;
  }
}

function analyzeTree(tree: Tree, text: string, extractor: ScriptExtractor, matcher: OperationMatcher): DocumentAnalysis {
  const findings: Finding[] = [];
  const bodies: AnalyzedBody[] = [];
  for (const embedded of extractor.extract(tree.rootNode, text)) {
    const result = validateEmbedded(embedded, matcher);
    findings.push(...result.findings);
    if (result.body) {
      bodies.push(result.body);
    }
  }
  findings.sort((a, b) => a.start - b.start);
  return { findings, requests: [], bodies };
}

function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
  }
  return { row, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
}
