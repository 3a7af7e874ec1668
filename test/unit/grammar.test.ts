// The http grammar, tokenized by the vscode-textmate and vscode-oniguruma that VS Code 1.100 ships
// (from the code-server install the integration tests use), with VS Code's own JSON, XML and
// JavaScript grammars for the embedded bodies: the scopes asserted here are the ones VS Code gives.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: { language?: string; scopeName: string; path: string; injectTo?: string[]; embeddedLanguages?: Record<string, string> }[] };
};
const httpContribution = manifest.contributes.grammars.find((g) => g.language === 'http');
const grammarPath = join(root, 'syntaxes/http.tmLanguage.json');
const fixture = readFileSync(join(root, 'test/fixtures/workspace/highlighting.http'), 'utf8');

interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
  tokenizeLine2(line: string, state: unknown): { tokens: Uint32Array; ruleStack: unknown };
}
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scopeName: string): Promise<unknown>;
    getInjections(scopeName: string): string[];
  }) => { loadGrammarWithConfiguration(scopeName: string, languageId: number, config: { embeddedLanguages: Record<string, number> }): Promise<Grammar | null> };
  parseRawGrammar(content: string, path: string): unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}
interface VsCodeServerLib {
  cacheDir(): string;
  isInstalled(dir: string): boolean;
}

/** Language ids as VS Code encodes them for the tokenizer: any distinct numbers do. */
const LANGUAGE_IDS: Record<string, number> = { http: 1, json: 2, xml: 3, javascript: 4 };

/** VS Code's 1.100 folder, or why it is not there. */
async function findVsCode(): Promise<{ dir: string } | { skip: string }> {
  let cache: string;
  try {
    const lib = (await import(join(root, 'scripts/lib/vscodeServer.mjs'))) as VsCodeServerLib;
    cache = lib.cacheDir();
    if (!lib.isInstalled(cache)) {
      return { skip: `no VS Code (code-server) in ${cache}: run npm run test:setup, or npm run test:integration once` };
    }
  } catch (err) {
    return { skip: `no code-server version for this Node (${(err as Error).message})` };
  }
  const dir = join(cache, 'lib/vscode');
  return existsSync(join(dir, 'node_modules/vscode-textmate')) ? { dir } : { skip: `${dir} has no vscode-textmate` };
}

/** Tokenizes the fixture as VS Code would: our grammar at the root, the error injection into source.http, the embedded languages of package.json. */
async function tokenize(vscodeDir: string): Promise<{ lines: string[]; tokens: Token[][]; languages: Uint32Array[] }> {
  const requireFromVsCode = createRequire(join(vscodeDir, 'package.json'));
  const textmate = requireFromVsCode('vscode-textmate') as TextMate;
  const oniguruma = requireFromVsCode('vscode-oniguruma') as Oniguruma;
  const wasm = readFileSync(join(vscodeDir, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const injection = manifest.contributes.grammars.find((g) => g.scopeName === 'mde-api.error-injection')!;
  const files: Record<string, string> = {
    'source.http': grammarPath,
    [injection.scopeName]: join(root, injection.path),
    'source.json': join(vscodeDir, 'extensions/json/syntaxes/JSON.tmLanguage.json'),
    'text.xml': join(vscodeDir, 'extensions/xml/syntaxes/xml.tmLanguage.json'),
    'source.js': join(vscodeDir, 'extensions/javascript/syntaxes/JavaScript.tmLanguage.json'),
  };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => (files[scopeName] ? textmate.parseRawGrammar(readFileSync(files[scopeName], 'utf8'), files[scopeName]) : null),
    // As VS Code's TMGrammarFactory: the grammars whose injectTo names the scope.
    getInjections: (scopeName) => manifest.contributes.grammars.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
  const embeddedLanguages = Object.fromEntries(
    Object.entries(httpContribution?.embeddedLanguages ?? {}).map(([scope, language]) => [scope, LANGUAGE_IDS[language]]),
  );
  const grammar = await registry.loadGrammarWithConfiguration('source.http', LANGUAGE_IDS.http, { embeddedLanguages });
  assert.ok(grammar, 'source.http did not load');
  const lines = fixture.split(/\r?\n/);
  const tokens: Token[][] = [];
  const languages: Uint32Array[] = [];
  let state = textmate.INITIAL;
  let binaryState = textmate.INITIAL;
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    tokens.push(result.tokens);
    state = result.ruleStack;
    const binary = grammar.tokenizeLine2(line, binaryState);
    languages.push(binary.tokens);
    binaryState = binary.ruleStack;
  }
  return { lines, tokens, languages };
}

describe('http grammar', () => {
  describe('package.json and syntaxes/http.tmLanguage.json', () => {
    const grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));

    it('contributes source.http as the grammar of the http language', () => {
      assert.ok(httpContribution, 'no grammar with language "http" in package.json');
      assert.equal(httpContribution.scopeName, 'source.http');
      assert.equal(join(root, httpContribution.path), grammarPath);
      assert.equal(grammar.scopeName, 'source.http');
      assert.deepEqual(httpContribution.embeddedLanguages, {
        'meta.embedded.block.json': 'json',
        'meta.embedded.block.xml': 'xml',
        'meta.embedded.block.javascript': 'javascript',
      });
    });

    it('still injects the error codes into source.http, whichever extension provides it', () => {
      const injection = manifest.contributes.grammars.find((g) => g.scopeName === 'mde-api.error-injection');
      assert.ok(injection?.injectTo?.includes('source.http'));
    });

    it('includes only rules its repository defines (vscode-textmate ignores a missing one silently)', () => {
      const missing: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          node.forEach(walk);
        } else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            if (key === 'include' && typeof value === 'string' && value.startsWith('#') && !(value.slice(1) in grammar.repository)) {
              missing.push(value);
            }
            walk(value);
          }
        }
      };
      walk(grammar);
      assert.deepEqual(missing, []);
    });
  });

  describe('tokens of test/fixtures/workspace/highlighting.http, as VS Code 1.100 tokenizes them', function () {
    let lines: string[] = [];
    let tokens: Token[][] = [];
    let languages: Uint32Array[] = [];

    before(async function () {
      const found = await findVsCode();
      if ('skip' in found) {
        console.log(`      skipped: ${found.skip}`);
        this.skip();
      }
      ({ lines, tokens, languages } = await tokenize((found as { dir: string }).dir));
    });

    /** The line holding the `nth` occurrence of `needle` in the fixture, and the column of `needle` in it. */
    function locate(needle: string, nth = 0): { line: number; column: number } {
      let offset = -1;
      for (let i = 0; i <= nth; i++) {
        offset = fixture.indexOf(needle, offset + 1);
        assert.ok(offset >= 0, `"${needle}" (occurrence ${nth + 1}) is not in the fixture`);
      }
      const before = fixture.slice(0, offset).split(/\r?\n/);
      return { line: before.length - 1, column: before[before.length - 1].length };
    }

    /** The scopes of the token that is exactly `text`, found at the `nth` occurrence of `context` (shifted to `text` inside it). */
    function scopesOf(text: string, context = text, nth = 0): string[] {
      const at = locate(context, nth);
      const column = at.column + context.indexOf(text);
      const token = tokens[at.line].find((t) => t.startIndex <= column && column < t.endIndex);
      assert.ok(token, `no token at ${at.line + 1}:${column + 1}`);
      const actual = lines[at.line].slice(token.startIndex, token.endIndex);
      assert.equal(actual, text, `the token at ${at.line + 1}:${column + 1} is "${actual}" (${token.scopes.join(' ')})`);
      return token.scopes;
    }

    function assertScope(text: string, scope: string, context = text, nth = 0): void {
      const scopes = scopesOf(text, context, nth);
      assert.ok(scopes.includes(scope), `"${text}" in "${context}": expected ${scope}, got ${scopes.join(' ')}`);
    }

    /** The embedded language VS Code would report at the start of `context` (bits 0-7 of the token metadata). */
    function languageAt(context: string, nth = 0): string {
      const at = locate(context, nth);
      const binary = languages[at.line];
      let metadata = binary[1];
      for (let i = 0; i < binary.length; i += 2) {
        if (binary[i] <= at.column) {
          metadata = binary[i + 1];
        }
      }
      const id = metadata & 0xff;
      return Object.keys(LANGUAGE_IDS).find((name) => LANGUAGE_IDS[name] === id) ?? `unknown id ${id}`;
    }

    it('request line: method, URL with {{variables}} and query, HTTP version', () => {
      assertScope('POST', 'keyword.control.http', 'POST {{host}}/api/machines/{{machineId}}/isolate');
      assertScope('/api/machines/', 'string.unquoted.url.http', 'POST {{host}}/api/machines/');
      assertScope('{{', 'punctuation.definition.template-expression.begin.http', '{{host}}/api/machines/{{machineId}}/isolate');
      const host = scopesOf('host', '{{host}}/api/machines/{{machineId}}/isolate');
      assert.ok(host.includes('variable.other.http') && host.includes('string.unquoted.url.http'), host.join(' '));
      assertScope('HTTP', 'keyword.other.protocol.http', 'HTTP/1.1\n');
      assertScope('1.1', 'constant.numeric.version.http', 'HTTP/1.1\n');
      assertScope('GET', 'keyword.control.http', 'GET https://');
      assertScope('$filter', 'entity.other.attribute-name.query.http', '?$filter=');
      assertScope('&', 'punctuation.separator.query.http', '&$top=10');
    });

    it('headers: name, separator, value, {{variables}} in the value', () => {
      assertScope('Authorization', 'entity.name.tag.header.http');
      assertScope(':', 'punctuation.separator.key-value.http', 'Authorization:');
      assertScope('Bearer ', 'string.unquoted.header-value.http', 'Bearer {{token}}');
      assertScope('token', 'variable.other.http', 'Bearer {{token}}');
      assertScope('Accept', 'entity.name.tag.header.http', 'Accept: application/json');
    });

    it('file variables, request names, comments and ### separators with a title', () => {
      assertScope('@', 'punctuation.definition.variable.http', '@host = ');
      assertScope('host', 'variable.other.definition.http', '@host = ');
      assertScope('=', 'keyword.operator.assignment.http', '@host = ');
      assertScope('https://api.security.microsoft.com', 'string.unquoted.variable-value.http', '@host = https://api.security.microsoft.com');
      assertScope('name', 'storage.type.directive.http', '# @name isolate');
      assertScope('isolate', 'entity.name.function.request-name.http', '# @name isolate');
      assertScope('isolate', 'comment.line.directive.http', '# @name isolate');
      assertScope(' a double-slash comment', 'comment.line.double-slash.http');
      assertScope('#', 'comment.line.number-sign.http', '# Colours of every .http construct');
      assertScope('###', 'comment.line.separator.http', '### Isolate a machine');
      assertScope('Isolate a machine', 'markup.heading.request-title.http');
      assertScope('Isolate a machine', 'meta.separator.http');
      assertScope('###', 'meta.separator.http', '###\nGET');
    });

    it('JSON request body: source.json scopes, # comment lines, {{variables}} quoted and not', () => {
      assertScope('IsolationType', 'support.type.property-name.json', '"IsolationType": "Full"');
      assertScope('IsolationType', 'meta.embedded.block.json', '"IsolationType": "Full"');
      assertScope('Full', 'string.quoted.double.json', '"IsolationType": "Full"');
      assertScope(' REST Client strips whole-line comments', 'comment.line.number-sign.http');
      const quoted = scopesOf('alertId', '{{alertId}}"');
      assert.ok(quoted.includes('variable.other.http') && quoted.includes('string.quoted.double.json'), quoted.join(' '));
      assertScope('retries', 'variable.other.http', '{{retries}}');
      // `{{retries}}` did not open two JSON objects: the next `}` closes the body.
      assertScope('}', 'punctuation.definition.dictionary.end.json', '}\n\nHTTP/1.1 400');
    });

    it('pasted response: status line, headers, JSON body with the error-code injection', () => {
      assertScope('HTTP', 'keyword.other.protocol.http', 'HTTP/1.1 400 Bad Request');
      assertScope('400', 'constant.numeric.status-code.http', 'HTTP/1.1 400 Bad Request');
      assertScope('Bad Request', 'string.unquoted.reason-phrase.http');
      assertScope('Bad Request', 'meta.response.http');
      assertScope('request-id', 'entity.name.tag.header.http', 'request-id: ');
      assertScope('message', 'support.type.property-name.json', '"message"');
      assertScope('message', 'meta.body.response.http', '"message"');
      assertScope('InvalidRequestBody', 'support.constant.error-code.mde-api', '"InvalidRequestBody"');
      assertScope('6a1d2c3b-4e5f-4a7b-9c8d-0e1f2a3b4c5d', 'constant.other.correlation-id.mde-api');
    });

    it('file includes, response handler scripts and XML bodies', () => {
      assertScope('<', 'keyword.operator.file-include.http', '< ./scan-body.json');
      assertScope('./scan-body.json', 'string.unquoted.path.http');
      assertScope('{%', 'punctuation.section.embedded.begin.http', '> {% client');
      assertScope('client', 'meta.embedded.block.javascript', '{% client.global');
      assertScope('Envelope', 'entity.name.tag.localname.xml', '<Envelope>');
      assertScope('body', 'variable.other.http', '{{body}}</Envelope>');
    });

    it('an unbalanced JSON body ends at the next ###', () => {
      assertScope('###', 'comment.line.separator.http', '### Upload a file');
      assertScope('POST', 'keyword.control.http', 'POST {{host}}/api/machines/{{machineId}}/runAntiVirusScan');
      assertScope('Content-Type', 'entity.name.tag.header.http', 'Content-Type', 3);
    });

    it("gives package.json's embedded languages to bodies and scripts, and http to the rest", () => {
      assert.equal(languageAt('"IsolationType": "Full"'), 'json');
      assert.equal(languageAt('"code": "InvalidRequestBody"'), 'json');
      assert.equal(languageAt('client.global.set'), 'javascript');
      assert.equal(languageAt('<Envelope>'), 'xml');
      assert.equal(languageAt('Authorization: Bearer'), 'http');
      assert.equal(languageAt('HTTP/1.1 400 Bad Request'), 'http');
      assert.equal(languageAt('### Upload a file'), 'http');
    });
  });
});
