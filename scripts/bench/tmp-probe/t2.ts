import { generateHttpCorpus } from '../corpus';
import { analyzeDocument } from '../../../src/core/requests/requestAnalyzer';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { splitBlocks, parseHttpDocument } from '../../../src/core/http/httpParser';
import { iterateLines } from '../../../src/core/text/lines';
import { maskBody } from '../../../src/core/json/maskedBody';
import { validateBody } from '../../../src/core/validate/bodyValidator';
import { parseTree, type Node } from 'jsonc-parser';
import { collectGarbage } from '../stats';
const c = generateHttpCorpus(4 * 1048576, 1);
const text = c.text;
let keep: unknown;
function time(name: string, fn: () => unknown) {
  const s: number[] = [];
  for (let i = 0; i < 5; i++) keep = fn();
  for (let i = 0; i < 9; i++) { keep = undefined; collectGarbage(); const t = performance.now(); keep = fn(); s.push(performance.now() - t); }
  s.sort((a, b) => a - b);
  console.log(name.padEnd(20), s[4].toFixed(1), s.map(x => x.toFixed(0)).join(' '));
}
const a = analyzeDocument(text, 'http', catalogMatcher);
time('full', () => analyzeDocument(text, 'http', catalogMatcher));
time('iterateLines', () => { let n = 0; for (const l of iterateLines(text)) n += l.end; return n; });
time('splitBlocks', () => splitBlocks(text));
time('parseHttpDocument', () => parseHttpDocument(text));
const reqs = a.requests.filter(r => r.body);
time('maskBody', () => reqs.map(r => maskBody(text, r.request.body!, r.request.body!.commentLines)));
const masked = reqs.map(r => maskBody(text, r.request.body!, r.request.body!.commentLines));
time('parseTree', () => masked.map(m => parseTree(m.text, [], { disallowComments: true, allowTrailingComma: false })));
time('parseTree-nokeep', () => { for (const m of masked) parseTree(m.text, [], { disallowComments: true, allowTrailingComma: false }); });
const roots = masked.map(m => parseTree(m.text, [], { disallowComments: true, allowTrailingComma: false }));
time('validate', () => reqs.map((r, i) => validateBody(roots[i] as Node, { operation: r.operation!, masked: masked[i], partial: false })));
time('matchUrl', () => a.requests.map(r => catalogMatcher.matchUrl(r.request.method ?? 'GET', r.request.url)));
void keep;
