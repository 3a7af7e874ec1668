/**
 * Binding a command's arguments to its parameters as PowerShell does: `-Name value`,
 * `-Name:value`, any unambiguous prefix of a name, positional arguments, and switches that take no
 * value. Only the commands the extractor reads are described; a wrapper function describes itself.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from './literals';
import { unwrap } from './syntax';

export interface CommandSignature {
  /** Lower-case parameter names. */
  readonly parameters: readonly string[];
  readonly switches: ReadonlySet<string>;
  /** Parameters bound by position, in order. */
  readonly positional: readonly string[];
}

export interface BoundCommand {
  readonly command: Node;
  readonly signature: CommandSignature;
  /** Parameter (lower-case, full name) → the argument node. */
  readonly arguments: ReadonlyMap<string, Node>;
  /** `@params` variables, whose tables bind further parameters. */
  readonly splats: readonly Node[];
  /** A `-Name` that named no parameter, or several: PowerShell would refuse it, so nothing is concluded from it. */
  readonly unresolved: readonly string[];
}

const COMMON = ['verbose', 'debug', 'erroraction', 'warningaction', 'informationaction', 'progressaction', 'errorvariable', 'warningvariable', 'informationvariable', 'outvariable', 'outbuffer', 'pipelinevariable'];
const COMMON_SWITCHES = ['verbose', 'debug'];

function signature(parameters: readonly string[], switches: readonly string[], positional: readonly string[]): CommandSignature {
  return { parameters: [...parameters, ...switches, ...COMMON], switches: new Set([...switches, ...COMMON_SWITCHES]), positional };
}

/** Invoke-RestMethod and Invoke-WebRequest (PowerShell 7.4; Windows PowerShell has a subset). */
export const WEB_REQUEST = signature(
  [
    'uri', 'method', 'body', 'headers', 'contenttype', 'infile', 'outfile', 'websession', 'sessionvariable', 'credential', 'certificatethumbprint',
    'certificate', 'useragent', 'timeoutsec', 'maximumredirection', 'maximumretrycount', 'retryintervalsec', 'proxy', 'proxycredential',
    'transferencoding', 'form', 'maximumfollowrellink', 'responseheadersvariable', 'statuscodevariable', 'sslprotocol', 'token', 'authentication',
    'custommethod', 'httpversion', 'connectiontimeoutseconds', 'operationtimeoutseconds', 'unixsocket',
  ],
  [
    'usedefaultcredentials', 'disablekeepalive', 'proxyusedefaultcredentials', 'followrellink', 'skipheadervalidation', 'skipcertificatecheck',
    'allowunencryptedauthentication', 'noproxy', 'preserveauthorizationonredirect', 'resume', 'skiphttperrorcheck', 'passthru', 'usebasicparsing',
    'allowinsecureredirect', 'preservehttpmethodonredirect',
  ],
  ['uri'],
);

export const CONVERT_TO_JSON = signature(['inputobject', 'depth', 'escapehandling'], ['compress', 'enumsasstrings', 'asarray'], ['inputobject']);

export const JOIN_PATH = signature(['path', 'childpath', 'additionalchildpath', 'credential'], ['resolve'], ['path', 'childpath', 'additionalchildpath']);

export const WEB_REQUEST_COMMANDS: ReadonlySet<string> = new Set(['invoke-restmethod', 'invoke-webrequest', 'irm', 'iwr']);

/** The parameter a `-name` stands for: its exact name, else the one name it begins. */
export function resolveParameter(given: string, sig: CommandSignature): string | undefined {
  const lower = given.toLowerCase();
  if (sig.parameters.includes(lower)) {
    return lower;
  }
  const candidates = sig.parameters.filter((parameter) => parameter.startsWith(lower));
  return candidates.length === 1 ? candidates[0] : undefined;
}

export function bindCommand(command: Node, sig: CommandSignature): BoundCommand {
  const bound = new Map<string, Node>();
  const splats: Node[] = [];
  const unresolved: string[] = [];
  const positional: Node[] = [];
  let pending: string | undefined;
  const elements = command.childForFieldName('command_elements');
  for (const element of elements ? namedChildren(elements) : []) {
    if (element.type === 'command_argument_sep' || element.type === 'comment') {
      continue;
    }
    if (element.type === 'command_parameter') {
      const given = element.text.replace(/^-/, '').replace(/:$/, '');
      const parameter = resolveParameter(given, sig);
      pending = undefined;
      if (!parameter) {
        unresolved.push(given.toLowerCase());
        // An unknown parameter probably takes a value: the next argument is not positional.
        pending = '';
      } else if (!sig.switches.has(parameter)) {
        pending = parameter;
      }
      continue;
    }
    if (element.type === 'redirection' || element.type === 'stop_parsing') {
      continue;
    }
    const value = unwrap(element);
    if (pending !== undefined) {
      if (pending) {
        bound.set(pending, element);
      }
      pending = undefined;
    } else if (value.type === 'variable' && value.text.startsWith('@')) {
      splats.push(value);
    } else {
      positional.push(element);
    }
  }
  // Named arguments bind first; positional ones take the positions left, in order.
  const open = sig.positional.filter((parameter) => !bound.has(parameter));
  positional.forEach((element, index) => {
    if (index < open.length) {
      bound.set(open[index], element);
    }
  });
  return { command, signature: sig, arguments: bound, splats, unresolved };
}
