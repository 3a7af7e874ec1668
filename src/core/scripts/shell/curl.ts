/**
 * A curl command line read the way curl reads it: which words are options, which are their
 * arguments, and which is the URL, so that a `-d` body is tied to the method and URL it is sent with.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../http/httpParser';
import { decodedText, dropChars, EXPANSION_MARK, readWord, wordSpan, type Word } from './words';

export interface CurlValue {
  readonly word: Word;
  /** What curl receives, expansions written EXPANSION_MARK. */
  readonly text: string;
  readonly span: Span;
}

export interface CurlData {
  /** The long option that carried it: `data`, `data-raw`, `data-binary`, `data-ascii` or `json`. */
  readonly option: string;
  readonly value: CurlValue;
}

export interface CurlCall {
  /** Where the program name (`curl`, `/usr/bin/curl`, `curl.exe`) is written. */
  readonly name: Span;
  readonly data: readonly CurlData[];
  readonly headers: readonly CurlValue[];
  /** `-X`/`--request`. */
  readonly request?: CurlValue;
  readonly url?: CurlValue;
  /** `-G`: the data goes into the URL's query, not a body. */
  readonly dataInQuery: boolean;
  /** `-I`. */
  readonly head: boolean;
  /** `-T`: curl then sends a PUT. */
  readonly upload: boolean;
  /** Arguments curl reads that the script does not show (`"${args[@]}"`, `-K file`): headers may hide there. */
  readonly opaque: boolean;
}

/** Programs that run the command after them. */
const PREFIXES = new Set(['sudo', 'doas', 'command', 'time', 'env', 'exec', 'nohup']);

const DATA_OPTIONS = new Set(['data', 'data-raw', 'data-binary', 'data-ascii', 'json']);

/** Short options that take an argument, by their long names; every other letter is a flag. */
const SHORT_WITH_ARGUMENT: Readonly<Record<string, string>> = {
  d: 'data',
  H: 'header',
  X: 'request',
  o: 'output',
  u: 'user',
  A: 'user-agent',
  e: 'referer',
  b: 'cookie',
  c: 'cookie-jar',
  F: 'form',
  T: 'upload-file',
  x: 'proxy',
  U: 'proxy-user',
  w: 'write-out',
  m: 'max-time',
  E: 'cert',
  r: 'range',
  K: 'config',
  y: 'speed-time',
  Y: 'speed-limit',
  z: 'time-cond',
  D: 'dump-header',
  C: 'continue-at',
  Q: 'quote',
  t: 'telnet-option',
  P: 'ftp-port',
};

const SHORT_FLAGS: Readonly<Record<string, string>> = { G: 'get', I: 'head' };

const LONG_WITH_ARGUMENT = new Set([
  ...Object.values(SHORT_WITH_ARGUMENT),
  ...DATA_OPTIONS,
  'data-urlencode',
  'form-string',
  'url',
  'url-query',
  'connect-timeout',
  'retry',
  'retry-delay',
  'retry-max-time',
  'cacert',
  'capath',
  'cert-type',
  'key',
  'key-type',
  'pass',
  'resolve',
  'connect-to',
  'interface',
  'limit-rate',
  'oauth2-bearer',
  'aws-sigv4',
  'variable',
  'trace',
  'trace-ascii',
  'stderr',
  'max-filesize',
  'max-redirs',
  'noproxy',
  'proxy-header',
  'preproxy',
  'proxy-cacert',
  'proxy-cert',
  'proxy-key',
  'socks4',
  'socks4a',
  'socks5',
  'socks5-hostname',
  'ciphers',
  'tls-max',
  'pinnedpubkey',
  'dns-servers',
  'local-port',
  'output-dir',
  'netrc-file',
  'login-options',
  'unix-socket',
  'abstract-unix-socket',
  'keepalive-time',
  'expect100-timeout',
  'hostpubmd5',
  'hostpubsha256',
]);

/** The requests of a curl command line: one, or several cut by `--next`, each with its own options. */
export function readCurl(command: Node, text: string): CurlCall[] {
  const found = curlArguments(command, text);
  if (!found) {
    return [];
  }
  const words = found.args.map((node) => valueOf(readWord(node, text)));
  const calls: CurlCall[] = [];
  let from = 0;
  for (let i = 0; i <= words.length; i++) {
    const written = words[i]?.text;
    if (i === words.length || written === '--next' || written === '-:') {
      calls.push(readRequest(found.name, words.slice(from, i), found.args.slice(from, i)));
      from = i + 1;
    }
  }
  return calls;
}

function readRequest(name: Span, words: readonly (CurlValue | undefined)[], args: readonly Node[]): CurlCall {
  const call = {
    name,
    data: [] as CurlData[],
    headers: [] as CurlValue[],
    request: undefined as CurlValue | undefined,
    url: undefined as CurlValue | undefined,
    dataInQuery: false,
    head: false,
    upload: false,
    opaque: false,
  };
  const take = (option: string, value: CurlValue | undefined) => {
    if (DATA_OPTIONS.has(option) && value) {
      call.data.push({ option, value });
    } else if (option === 'header' && value) {
      call.headers.push(value);
    } else if (option === 'request') {
      call.request = value;
    } else if (option === 'url') {
      call.url ??= value;
    } else if (option === 'get') {
      call.dataInQuery = true;
    } else if (option === 'head') {
      call.head = true;
    } else if (option === 'upload-file') {
      call.upload = true;
    } else if (option === 'config') {
      call.opaque = true;
    }
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) {
      continue;
    }
    const next = () => words[++i];
    if (word.text.startsWith('--') && word.text.length > 2) {
      const equals = word.text.indexOf('=');
      const option = word.text.slice(2, equals < 0 ? undefined : equals);
      if (!LONG_WITH_ARGUMENT.has(option)) {
        take(option, undefined);
      } else {
        take(option, equals < 0 ? next() : valueOf(dropChars(word.word, equals + 1)));
      }
      continue;
    }
    if (word.text.startsWith('-') && word.text.length > 1 && word.text[1] !== EXPANSION_MARK) {
      for (let letter = 1; letter < word.text.length; letter++) {
        const option = SHORT_WITH_ARGUMENT[word.text[letter]];
        if (option) {
          // `-XPOST`, `-sSd@file`: the rest of the word is the argument.
          take(option, letter + 1 < word.text.length ? valueOf(dropChars(word.word, letter + 1)) : next());
          break;
        }
        take(SHORT_FLAGS[word.text[letter]] ?? '', undefined);
      }
      continue;
    }
    // `"${args[@]}"`, or an unquoted `$opts` beside the URL, may stand for several arguments, options among them.
    const spread = /\[[@*]\]/.test(args[i].text);
    if (spread || (call.url && args[i].type !== 'string' && word.text === EXPANSION_MARK)) {
      call.opaque = true;
    }
    if (!spread) {
      call.url ??= word;
    }
  }
  return call;
}

function valueOf(word: Word | undefined): CurlValue | undefined {
  const span = word && wordSpan(word);
  return word && span ? { word, text: decodedText(word), span } : undefined;
}

function isCurl(word: Word | undefined): boolean {
  return !!word && /^(?:.*\/)?curl(?:\.exe)?$/i.test(decodedText(word));
}

/** The words curl is given, whether it is the command or run by `sudo`, `command`, `time`… */
function curlArguments(command: Node, text: string): { name: Span; args: Node[] } | undefined {
  const nameNode = command.childForFieldName('name');
  const name = nameNode && readWord(nameNode.namedChild(0) ?? nameNode, text);
  const curl = isCurl(name ?? undefined);
  // Most commands are neither: their arguments are not read.
  if (!nameNode || !name || (!curl && !PREFIXES.has(decodedText(name)))) {
    return undefined;
  }
  const args = command.childrenForFieldName('argument').filter((arg): arg is Node => !!arg);
  if (curl) {
    return { name: { start: nameNode.startIndex, end: nameNode.endIndex }, args };
  }
  let optionArgument = false;
  for (let i = 0; i < args.length; i++) {
    const word = readWord(args[i], text);
    const written = word ? decodedText(word) : EXPANSION_MARK;
    if (isCurl(word)) {
      return { name: { start: args[i].startIndex, end: args[i].endIndex }, args: args.slice(i + 1) };
    }
    if (PREFIXES.has(written) || /^[A-Za-z_]\w*=/.test(written)) {
      optionArgument = false;
    } else if (written.startsWith('-')) {
      // `sudo -u admin curl`: a short option alone may take the next word.
      optionArgument = /^-[A-Za-z]$/.test(written);
    } else if (optionArgument) {
      optionArgument = false;
    } else {
      return undefined;
    }
  }
  return undefined;
}
