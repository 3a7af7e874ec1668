/**
 * JSON Schemas equivalent to the catalog, for the peer (vscode-json-languageservice): the same
 * names, types, enums, required keys, size limits and hash/GUID shapes our validator checks, so
 * both sides do comparable work. Case-insensitive near-misses, fixes and `indicatorValue` (whose
 * format depends on a sibling) have no plain-schema equivalent and are left out of the peer.
 */
import type { ElementSpec, OperationSpec, ParameterSpec, ValueFormat } from '../../src/core/catalog/types';

export interface JsonSchema {
  [keyword: string]: unknown;
}

const PATTERNS: Partial<Record<ValueFormat, string>> = {
  sha1: '^[0-9a-fA-F]{40}$',
  sha256: '^[0-9a-fA-F]{64}$',
  md5: '^[0-9a-fA-F]{32}$',
  fileHash: '^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$',
  guid: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
};

export function operationSchema(operation: OperationSpec): JsonSchema {
  return objectSchema(operation.body);
}

function objectSchema(parameters: readonly ParameterSpec[]): JsonSchema {
  const required = parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name);
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, valueSchema(parameter)])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function valueSchema(shape: ParameterSpec | ElementSpec): JsonSchema {
  const schema: JsonSchema = { type: shape.type };
  if (shape.values) {
    schema.enum = [...shape.values];
  }
  const pattern = shape.format ? PATTERNS[shape.format] : undefined;
  if (pattern) {
    schema.pattern = pattern;
  }
  if (shape.format === 'dateTime') {
    schema.format = 'date-time';
  }
  if ('maxLength' in shape && shape.maxLength !== undefined) {
    schema.maxLength = shape.maxLength;
  }
  if ('maxItems' in shape && shape.maxItems !== undefined) {
    schema.maxItems = shape.maxItems;
  }
  if ('items' in shape && shape.items) {
    schema.items = valueSchema(shape.items);
  }
  if (shape.properties) {
    Object.assign(schema, objectSchema(shape.properties));
  }
  return schema;
}
