/** Resolves a JSON path inside a body to the documented parameters that apply there. */
import type { ElementSpec, OperationSpec, ParameterSpec } from './types';

export type JsonPath = readonly (string | number)[];

/** A documented shape at some path: a named parameter, or the element of an array. */
export type ShapeSpec = ParameterSpec | ElementSpec;

/** The parameter (or array element) a path leads to; keys match case-insensitively, as a user may be mid-fix. */
export function shapeAtPath(operation: OperationSpec, path: JsonPath): ShapeSpec | undefined {
  let properties: readonly ParameterSpec[] | undefined = operation.body;
  let current: ShapeSpec | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      current = current && 'items' in current ? current.items : undefined;
      properties = current?.properties;
    } else {
      current = findParameter(properties ?? [], segment);
      properties = current?.properties;
    }
    if (!current) {
      return undefined;
    }
  }
  return current;
}

/** The parameters of the object at `path` (the body itself for an empty path). */
export function propertiesAtPath(operation: OperationSpec, path: JsonPath): readonly ParameterSpec[] | undefined {
  if (path.length === 0) {
    return operation.body;
  }
  const shape = shapeAtPath(operation, path);
  return shape?.properties;
}

export function findParameter(parameters: readonly ParameterSpec[], key: string): ParameterSpec | undefined {
  const lower = key.toLowerCase();
  return (
    parameters.find((parameter) => parameter.name === key) ??
    parameters.find((parameter) => parameter.name.toLowerCase() === lower) ??
    parameters.find((parameter) => (parameter.alternateSpellings ?? []).some((alt) => alt.kind === 'name' && alt.spelling.toLowerCase() === lower))
  );
}
