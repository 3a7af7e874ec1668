import { recognizeErrors, errorAt } from './src/core/errors/errorRecognizer';
for (const n of [1000, 4000]) {
  const rec = '{\\"id\\":\\"abc123\\",\\"status\\":\\"Succeeded\\",\\"error\\":null,\\"comment\\":\\"isolate machine after alert 1234\\"}';
  const text = '{"level":"info","body":"[' + Array(n).fill(rec).join(',') + ']"}\n{"error":{"code":"X","target":"t"}}';
  let t = Date.now(); const r = recognizeErrors(text); console.log(n, text.length, 'full', Date.now() - t, r.length);
  t = Date.now(); errorAt(text, text.length - 5); console.log('errorAt end', Date.now() - t);
}
