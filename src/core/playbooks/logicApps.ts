/**
 * Request bodies in a Logic Apps workflow definition: HTTP actions, and actions of the managed
 * Defender for Endpoint connector (`wdatp`), at any depth of scopes, loops, conditions and switches.
 */
import type { Node } from 'jsonc-parser';
import type { BodyTarget, EmbeddedBody } from '../embedded/embeddedBody';
import { expressionMaskedBody } from './expressionMask';
import { isNotSentAsWritten, urlWithPlaceholders } from './expressions';
import { at, entries, property, spanOf, stringOf } from './jsonNodes';
import type { WorkflowDefinition } from './workflowDefinitions';

/** Scopes nest a handful of levels; a bound keeps a crafted file from exhausting the stack. */
const MAX_ACTION_DEPTH = 64;

export function logicAppBodies(text: string, workflow: WorkflowDefinition): EmbeddedBody[] {
  const bodies: EmbeddedBody[] = [];
  for (const action of actionsOf(property(workflow.definition, 'actions'), 0)) {
    const body = actionBody(text, action, workflow);
    if (body) {
      bodies.push(body);
    }
  }
  // Actions are met branch by branch; findings read best in document order.
  return bodies.sort((a, b) => a.region.start - b.region.start);
}

/** Every action, nested ones after the action that holds them: `Scope`, `Foreach`, `Until`, `If`, `Switch`. */
function actionsOf(actions: Node | undefined, depth: number): Node[] {
  if (depth > MAX_ACTION_DEPTH) {
    return [];
  }
  return entries(actions).flatMap(({ value: action }) => [
    action,
    ...actionsOf(property(action, 'actions'), depth + 1),
    ...actionsOf(at(action, 'else', 'actions'), depth + 1),
    ...actionsOf(at(action, 'default', 'actions'), depth + 1),
    ...entries(property(action, 'cases')).flatMap(({ value: branch }) => actionsOf(property(branch, 'actions'), depth + 1)),
  ]);
}

function actionBody(text: string, action: Node, workflow: WorkflowDefinition): EmbeddedBody | undefined {
  const type = stringOf(property(action, 'type'))?.toLowerCase();
  const inputs = property(action, 'inputs');
  let urlNode: Node | undefined;
  let relativeToApi: boolean;
  if (type === 'http') {
    urlNode = property(inputs, 'uri');
    relativeToApi = false;
  } else if (type === 'apiconnection' && isDefenderConnection(inputs, workflow.connections)) {
    urlNode = property(inputs, 'path');
    relativeToApi = true;
  } else {
    return undefined;
  }
  const body = property(inputs, 'body');
  // A body that is one expression (`@triggerBody()`) is unknown as a whole.
  if (body?.type !== 'object' && body?.type !== 'array') {
    return undefined;
  }
  return {
    region: spanOf(body),
    view: expressionMaskedBody(text, body, workflow.inTemplate),
    target: targetOf(property(inputs, 'method'), urlNode, relativeToApi, workflow.inTemplate),
    allowComments: true,
  };
}

function targetOf(methodNode: Node | undefined, urlNode: Node | undefined, relativeToApi: boolean, inTemplate: boolean): BodyTarget {
  const method = stringOf(methodNode);
  const written = stringOf(urlNode);
  let url = written === undefined ? '{{}}' : urlWithPlaceholders(written, inTemplate);
  // The connector's paths start at its own host, which is the API's: the base is known to be ours.
  if (relativeToApi && url.startsWith('/')) {
    url = `{{}}${url}`;
  }
  return {
    source: 'call',
    method: method === undefined || isNotSentAsWritten(method, inTemplate) ? undefined : method.toUpperCase(),
    url,
    urlSpan: urlNode && spanOf(urlNode),
    methodSpan: methodNode && spanOf(methodNode),
  };
}

/**
 * An `ApiConnection` action of the Defender for Endpoint connector: its connection is named `wdatp`
 * (`wdatp_1` for a second one, as the designer names them), or is declared with a managed API id
 * ending in `/managedApis/wdatp`.
 */
function isDefenderConnection(inputs: Node | undefined, connections: ReadonlyMap<string, string>): boolean {
  const connection = at(inputs, 'host', 'connection');
  const reference = stringOf(property(connection, 'referenceName')) ?? stringOf(property(connection, 'name'));
  if (reference === undefined) {
    return false;
  }
  // `@parameters('$connections')['wdatp']['connectionId']`
  const name = /\[\s*'([^']+)'\s*\]\s*\[\s*'connectionId'\s*\]/i.exec(reference)?.[1] ?? reference;
  return /^wdatp(?:_\d+)?$/i.test(name) || /\/managedApis\/wdatp(?![\w-])/i.test(connections.get(name) ?? '');
}
