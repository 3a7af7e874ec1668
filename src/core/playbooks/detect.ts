/**
 * Playbooks and collections among JSON documents: Logic Apps workflows (on their own, in a Logic
 * Apps Standard `workflow.json`, or in an ARM template) and Postman collections, told apart by
 * content. Their request bodies come back as embedded bodies; any other JSON document is not one
 * of these (undefined) and is read as a body itself.
 */
import type { Node } from 'jsonc-parser';
import type { EmbeddedBody } from '../embedded/embeddedBody';
import { readTree } from '../validate/analyzeBody';
import { lazyTree, NotPlainJson } from './lazyTree';
import { logicAppBodies } from './logicApps';
import { isPostmanCollection, postmanBodies } from './postman';
import { workflowDefinitions } from './workflowDefinitions';

/** Every document of these kinds names its schema; the rest are spared a parse of the whole file. */
const SCHEMA_MARKER = /workflowdefinition\.json|deploymentTemplate\.json|\/json\/collection\/v2\./i;

export function playbookBodies(text: string): EmbeddedBody[] | undefined {
  if (!SCHEMA_MARKER.test(text)) {
    return undefined;
  }
  try {
    return bodiesIn(text, lazyTree(text));
  } catch (error) {
    if (!(error instanceof NotPlainJson)) {
      throw error;
    }
  }
  // Broken or unusual JSON (being typed, say): the full reader recovers what it can.
  const root = fullTree(text);
  return root && bodiesIn(text, root);
}

function bodiesIn(text: string, root: Node): EmbeddedBody[] | undefined {
  if (root.type !== 'object') {
    return undefined;
  }
  if (isPostmanCollection(root)) {
    return postmanBodies(text, root);
  }
  return workflowDefinitions(root)?.flatMap((workflow) => logicAppBodies(text, workflow));
}

function fullTree(text: string): Node | undefined {
  try {
    return readTree(text, true);
  } catch {
    // jsonc-parser reads recursively: a document nested thousands deep overflows the stack.
    return undefined;
  }
}
