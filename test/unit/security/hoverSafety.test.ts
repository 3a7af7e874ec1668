import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { marked, type Token } from 'marked';
import { errorAt, type RecognizedError } from '../../../src/core/errors/errorRecognizer';
import type { HoverEnvironment, Language, Translate } from '../../../src/core/hover/environment';
import { errorCodeHover, targetHover } from '../../../src/core/hover/errorHover';
import { runs } from '../property/invariants';

/** A real translate: fills `{name}` placeholders, so any untrusted value passed in lands in the text. */
const t: Translate = (message, args) => (args ? message.replace(/\{(\w+)\}/g, (_, key: string) => String(args[key])) : message);
const environments: HoverEnvironment[] = (['en', 'fr'] as Language[]).map((language) => ({ language, t }));

const COMMAND_PREFIX = 'command:mdeApi.copyTargetId?';
const DOCS_PREFIX = 'https://learn.microsoft.com/';
/** What the hovers' own Markdown renders to; anything else came from the input. */
const OWN_TAGS = new Set(['p', 'strong', 'em', 'code', 'a']);

/** Payloads aimed at a Markdown renderer: links, commands, HTML, autolinks, code spans, entities, structure. */
const payloads = [
  '[x](command:workbench.action.quit)',
  '[x](command:mdeApi.copyTargetId?%5B%7B%22target%22%3A%22forged%22%7D%5D)',
  '<command:foo>',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">click</a>',
  '<script>alert(1)</script>',
  '<!-- comment --><details open>',
  'https://evil.example/path_(x)',
  'www.evil.example',
  '(www.evil.example)',
  'mailto:someone@evil.example',
  'someone@evil.example',
  '![pixel](https://evil.example/p.png)',
  '[ref]\n\n[ref]: https://evil.example',
  '`',
  '``` js\nfence\n```',
  '`` ` ``',
  '&lt;img src=x&gt; &#x3C;b&#x3E; &amp;',
  '\\[x\\](command:y)',
  '*emphasis* _under_ ~~strike~~ **bold**',
  '\n# Heading\n---\n> quote\n- list',
  'line\r\nbreak\rcarriage\u2028separator\u0000null',
  'x) (www.evil.example',
  'x)[y](command:workbench.action.quit',
  "x'\"*!~()",
];

function responseText(fields: { code: string; message: string; target: string; reason?: string; retryAfter?: string }): string {
  const head = `HTTP/1.1 ${fields.code === 'TooManyRequests' ? 429 : 400} ${fields.reason ?? 'Bad Request'}\nRetry-After: ${fields.retryAfter ?? '30'}\n\n`;
  return `${head}{"error": {"code": ${JSON.stringify(fields.code)}, "message": ${JSON.stringify(fields.message)}, "target": ${JSON.stringify(fields.target)}}}`;
}

function recognized(text: string): RecognizedError {
  const error = errorAt(text, text.indexOf('"code"') + 1);
  assert.ok(error, 'the crafted response is recognized');
  return error;
}

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const nested = token as Token & { tokens?: Token[]; items?: Token[] };
    walk(nested.tokens ?? [], visit);
    walk(nested.items ?? [], visit);
  }
}

/** Renders the hover as VS Code does (marked) and checks it is inert: our links only, no HTML of the input. */
function assertInert(markdown: string, target: string): void {
  assert.ok(markdown.length < 20 * 1024, `the hover is ${markdown.length} characters long`);
  const links: string[] = [];
  walk(marked.lexer(markdown), (token) => {
    assert.notEqual(token.type, 'html', `raw HTML survives: ${token.raw}`);
    assert.notEqual(token.type, 'image', `an image survives: ${token.raw}`);
    if (token.type === 'link') {
      links.push((token as Token & { href: string }).href);
    }
  });
  for (const href of links) {
    assert.ok(href.startsWith(COMMAND_PREFIX) || href.startsWith(DOCS_PREFIX), `a link of the input survives: ${href}`);
  }
  const commands = links.filter((href) => href.startsWith('command:'));
  const linked = target.length > 0 && target.length <= 256;
  assert.equal(commands.length, linked ? 1 : 0, `command links: ${commands.join(' ')}`);
  for (const command of commands) {
    assert.deepEqual(JSON.parse(decodeURIComponent(command.slice(COMMAND_PREFIX.length))), [{ target }], 'the command argument is exactly the target');
  }
  const html = marked.parse(markdown, { async: false });
  for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) {
    assert.ok(OWN_TAGS.has(tag.toLowerCase()), `the rendered hover holds a <${tag}> element:\n${html}`);
  }
}

function assertHoversInert(fields: Parameters<typeof responseText>[0]): void {
  const error = recognized(responseText(fields));
  for (const env of environments) {
    assertInert(errorCodeHover(error, env), error.target?.value ?? '');
    assertInert(targetHover(error, env), error.target?.value ?? '');
  }
}

describe('security: untrusted text in hovers', () => {
  for (const payload of payloads) {
    describe(`payload ${JSON.stringify(payload)}`, () => {
      it('renders inert as the message of a documented error', () => {
        assertHoversInert({ code: 'TooManyRequests', message: payload, target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a', retryAfter: payload });
      });

      it('renders inert as an undocumented code, with its status reason', () => {
        assertHoversInert({ code: payload, message: payload, target: 't', reason: payload });
      });

      it('renders inert as the target, whose copy link carries exactly it', () => {
        assertHoversInert({ code: 'BadRequest', message: 'm', target: payload });
      });
    });
  }

  it('renders any mix of these pieces inert, in every field', () => {
    const piece = fc.constantFrom(...payloads, '[', ']', '(', ')', '<', '>', '`', '\\', ':', '!', 'command:', 'https://', 'www.', ' ', 'x');
    const field = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('').replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(field, field, field, field, (code, message, target, reason) => {
        assertHoversInert({ code: code || 'X', message, target, reason });
        assertHoversInert({ code: 'TooManyRequests', message, target, retryAfter: reason });
      }),
      runs(200),
    );
  });

  it('keeps the hover of a 10 MB message, code or target under 20 KB', () => {
    const huge = `${'[x](command:evil) <img src=x> '.repeat(350_000)}`.slice(0, 10 * 1024 * 1024);
    assertHoversInert({ code: 'BadRequest', message: huge, target: 't' });
    assertHoversInert({ code: huge.slice(0, 2 * 1024 * 1024), message: 'm', target: 't' });
    assertHoversInert({ code: 'BadRequest', message: 'm', target: huge.slice(0, 2 * 1024 * 1024) });
  });

  it('links the copy command with the target as its only argument', () => {
    const target = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
    const markdown = targetHover(recognized(responseText({ code: 'BadRequest', message: 'm', target })), environments[0]);
    const commands = [...markdown.matchAll(/\]\((command:[^)\s]*)\)/g)].map((match) => match[1]);
    assert.deepEqual(commands, [`${COMMAND_PREFIX}${encodeURIComponent(JSON.stringify([{ target }]))}`]);
  });
});
