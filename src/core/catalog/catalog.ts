/** The operation catalog, assembled from its per-area files: the one place every feature reads. */
import { OperationMatcher } from './operationMatcher';
import { alertOperations } from './operations/alerts';
import { indicatorOperations } from './operations/indicators';
import { machineActionOperations } from './operations/machineActions';
import { machineOperations } from './operations/machines';
import { otherOperations } from './operations/other';
import type { OperationSpec } from './types';

export const operations: readonly OperationSpec[] = [
  ...machineActionOperations,
  ...machineOperations,
  ...indicatorOperations,
  ...alertOperations,
  ...otherOperations,
];

/** Shared matcher over the catalog; built once, it holds compiled path templates. */
export const catalogMatcher = new OperationMatcher(operations);
