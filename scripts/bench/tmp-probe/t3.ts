import { generateHttpCorpus } from '../corpus';
import { analyzeDocument } from '../../../src/core/requests/requestAnalyzer';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
const c = generateHttpCorpus(4 * 1048576, 1);
let keep: unknown;
for (let i = 0; i < 8; i++) { const t = performance.now(); keep = analyzeDocument(c.text, 'http', catalogMatcher); console.log((performance.now() - t).toFixed(1)); }
void keep;
