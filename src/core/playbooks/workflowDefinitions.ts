/**
 * Where Logic Apps workflow definitions stand: a definition file of its own, a Logic Apps Standard
 * `workflow.json` (`{ "definition": …, "kind": "Stateful" }`), or `Microsoft.Logic/workflows`
 * resources of an ARM template (Sentinel playbooks), nested resources and deployments included.
 * Recognised by `$schema` and shape, never by file name.
 */
import type { Node } from 'jsonc-parser';
import { at, elements, entries, property, stringOf } from './jsonNodes';

export interface WorkflowDefinition {
  readonly definition: Node;
  /** The workflow's `$connections`: each connection's name and the managed API id it names. */
  readonly connections: ReadonlyMap<string, string>;
  /** Inside an ARM template, whose own `[…]` expressions are evaluated before the workflow runs. */
  readonly inTemplate: boolean;
}

const WORKFLOW_SCHEMA = /\/workflowdefinition\.json#?$/i;
const TEMPLATE_SCHEMA = /deploymentTemplate\.json#?$/i;
/** Nested deployments deeper than this are not looked into: real templates nest one or two. */
const MAX_TEMPLATE_DEPTH = 8;

/** The document's workflow definitions, or undefined when it is neither a workflow nor an ARM template. */
export function workflowDefinitions(root: Node): WorkflowDefinition[] | undefined {
  const schema = stringOf(property(root, '$schema')) ?? '';
  if (WORKFLOW_SCHEMA.test(schema)) {
    return [{ definition: root, connections: connectionsOf(at(root, 'parameters', '$connections', 'defaultValue')), inTemplate: false }];
  }
  if (TEMPLATE_SCHEMA.test(schema)) {
    const found: WorkflowDefinition[] = [];
    templateWorkflows(root, found, 0);
    return found;
  }
  const definition = property(root, 'definition');
  if (isStandardWorkflow(definition)) {
    const connections = new Map([
      ...connectionsOf(at(definition, 'parameters', '$connections', 'defaultValue')),
      ...connectionsOf(at(root, 'parameters', '$connections', 'value')),
    ]);
    return [{ definition: definition!, connections, inTemplate: false }];
  }
  return undefined;
}

/** `{ "definition": { "$schema": …workflowdefinition.json#, … }, "kind": "Stateful" }`. */
function isStandardWorkflow(definition: Node | undefined): boolean {
  return definition?.type === 'object' && WORKFLOW_SCHEMA.test(stringOf(property(definition, '$schema')) ?? '');
}

function templateWorkflows(template: Node, found: WorkflowDefinition[], depth: number): void {
  for (const resource of resourcesOf(property(template, 'resources'))) {
    const type = stringOf(property(resource, 'type'))?.toLowerCase();
    const properties = property(resource, 'properties');
    if (type === 'microsoft.logic/workflows') {
      const definition = property(properties, 'definition');
      if (definition?.type === 'object') {
        const connections = new Map([
          ...connectionsOf(at(definition, 'parameters', '$connections', 'defaultValue')),
          ...connectionsOf(at(properties, 'parameters', '$connections', 'value')),
        ]);
        found.push({ definition, connections, inTemplate: true });
      }
    } else if (type === 'microsoft.resources/deployments' && depth < MAX_TEMPLATE_DEPTH) {
      // A linked template (`templateLink`) lives in another file, read on its own.
      const inline = property(properties, 'template');
      if (inline) {
        templateWorkflows(inline, found, depth + 1);
      }
    }
  }
}

/** Top-level and child resources (`resources` inside a resource), in document order. */
function resourcesOf(list: Node | undefined, depth = 0): Node[] {
  return elements(list).flatMap((resource) => [resource, ...(depth < MAX_TEMPLATE_DEPTH ? resourcesOf(property(resource, 'resources'), depth + 1) : [])]);
}

/** `{ "wdatp": { "connectionId": …, "id": ".../managedApis/wdatp" } }` → wdatp → its id. */
function connectionsOf(value: Node | undefined): Map<string, string> {
  const connections = new Map<string, string>();
  for (const { key, value: connection } of entries(value)) {
    connections.set(key, stringOf(property(connection, 'id')) ?? '');
  }
  return connections;
}
