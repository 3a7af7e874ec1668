/** Builds a body that satisfies an operation's documented parameters, from the catalog alone. */
import type { ElementSpec, OperationSpec, ParameterSpec } from '../../../src/core/catalog/types';
import { indicatorValueFormats, type ConcreteFormat } from '../../../src/core/validate/formats';

const sampleByFormat: Record<ConcreteFormat, string> = {
  sha1: '1f4a8f3a9c2bd9e5c7d2e6b4a1f0c9d8e7b6a5f4',
  sha256: '8c7e5f0c1f0a2b9d6e3c4b5a69788796a5b4c3d2e1f00112233445566778899a',
  md5: '0123456789abcdef0123456789abcdef',
  fileHash: '1f4a8f3a9c2bd9e5c7d2e6b4a1f0c9d8e7b6a5f4',
  ip: '10.1.2.3',
  domain: 'contoso.com',
  url: 'https://contoso.com/download',
  guid: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a',
  dateTime: '2026-11-26T09:00:00Z',
};

function sampleValue(shape: ParameterSpec | ElementSpec, siblings: Record<string, unknown>): unknown {
  if (shape.values && shape.values.length > 0) {
    return shape.values[0];
  }
  if (shape.format === 'indicatorValue') {
    const type = typeof siblings.indicatorType === 'string' ? siblings.indicatorType : 'FileSha1';
    return sampleByFormat[indicatorValueFormats[type] ?? 'sha1'];
  }
  if (shape.format) {
    return sampleByFormat[shape.format];
  }
  switch (shape.type) {
    case 'string':
      return 'text';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'object':
      return shape.properties ? sampleObject(shape.properties) : {};
    case 'array': {
      const items = 'items' in shape ? shape.items : undefined;
      return items ? [sampleValue(items, {})] : [];
    }
  }
}

export function sampleObject(parameters: readonly ParameterSpec[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  // Enumerated values first, so formats that depend on them (indicatorValue) can read them.
  const ordered = [...parameters].sort((a, b) => Number(!a.values) - Number(!b.values));
  for (const parameter of ordered) {
    result[parameter.name] = sampleValue(parameter, result);
  }
  return Object.fromEntries(parameters.map((parameter) => [parameter.name, result[parameter.name]]));
}

export function sampleBody(operation: OperationSpec): string {
  return JSON.stringify(sampleObject(operation.body), null, 2);
}
