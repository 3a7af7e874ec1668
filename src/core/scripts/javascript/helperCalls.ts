/**
 * Calls of the script's own helpers (`this.post(url, body)`, `request('POST', url, body)`): when a
 * body literal is handed together with a URL, the URL names the operation as a library call's
 * would, and an HTTP verb among the arguments, or the helper's own name, its method.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { BodyTarget } from '../../embedded/embeddedBody';
import { unwrap } from './nodes';
import { stringValue } from './strings';
import { isKnownUrl, type UrlResolver } from './urls';

const HTTP_METHODS = /^(?:GET|POST|PUT|PATCH|DELETE)$/i;
const VERB_NAMES = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** Expressions that may spell a URL. */
const URL_LIKE = new Set(['string', 'template_string', 'binary_expression', 'identifier', 'member_expression', 'new_expression']);

/** The target a helper call names, or undefined when none of its other arguments spells a URL. */
export function helperTarget(call: Node, args: readonly Node[], bodyIndex: number, urls: UrlResolver, text: string): BodyTarget | undefined {
  let url: string | undefined;
  const urlArgument = args.find((argument, index) => {
    if (index === bodyIndex || !URL_LIKE.has(unwrap(argument).type)) {
      return false;
    }
    url = urls.resolve(argument);
    return /^(?:https?:\/\/|\/|\{\{\}\}\/)/i.test(url) && isKnownUrl(url);
  });
  if (!urlArgument || url === undefined) {
    return undefined;
  }
  const verbArgument = args.find((argument, index) => index !== bodyIndex && argument.type === 'string' && HTTP_METHODS.test(stringValue(argument, text) ?? ''));
  const callee = call.childForFieldName('function');
  const calleeName = callee?.type === 'member_expression' ? callee.childForFieldName('property') : null;
  const methodNode = verbArgument ?? (calleeName && VERB_NAMES.has(calleeName.text) ? calleeName : undefined);
  const method = verbArgument ? stringValue(verbArgument, text) : methodNode?.text;
  return {
    source: 'call',
    method: method?.toUpperCase(),
    url,
    urlSpan: { start: urlArgument.startIndex, end: urlArgument.endIndex },
    methodSpan: methodNode ? { start: methodNode.startIndex, end: methodNode.endIndex } : undefined,
  };
}
