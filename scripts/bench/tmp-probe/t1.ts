import { generateHttpCorpus, generateLogCorpus } from '/work/main/scripts/bench/corpus';
import { analyzeDocument } from '/work/main/src/core/requests/requestAnalyzer';
import { catalogMatcher } from '/work/main/src/core/catalog/catalog';
import { parseTree } from 'jsonc-parser';
let t = performance.now();
const c = generateHttpCorpus(4 * 1048576, 1);
console.log('gen', performance.now() - t, c.text.length, c.requests, c.injected, Object.keys(c.bodiesByOperation).length);
console.log(c.text.slice(0, 1500));
for (let i = 0; i < 3; i++) {
t = performance.now();
const a = analyzeDocument(c.text, 'http', catalogMatcher);
const ours = performance.now() - t;
const bodies = a.bodies.map(b => b.analysis.masked.text);
t = performance.now();
for (const b of bodies) parseTree(b, [], { disallowComments: true, allowTrailingComma: false });
const floor = performance.now() - t;
const counts: Record<string, number> = {};
for (const f of a.findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
console.log({ ours, floor, bodies: bodies.length, bodyChars: bodies.reduce((s, b) => s + b.length, 0), counts });
}
t = performance.now();
const l = generateLogCorpus(50 * 1048576, 2);
console.log('log', performance.now() - t, l.errorCodeOffsets.length, JSON.stringify(l.text.slice(0, 800)));
