/**
 * Example bodies and whole requests built from the catalog, as VS Code snippets: the completion
 * skeleton and the generated snippets/ file both come from here, so they cannot disagree.
 */
import type { ElementSpec, OperationSpec, ParameterSpec } from './types';

/** Escapes text for a snippet's literal part. */
function literal(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

class TabStops {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

function valueSnippet(shape: ParameterSpec | ElementSpec, stops: TabStops, indent: string): string {
  if (shape.values && shape.values.length > 0) {
    const choices = shape.values.map((value) => value.replace(/[,|\\$}]/g, '\\$&')).join(',');
    return `"\${${stops.take()}|${choices}|}"`;
  }
  switch (shape.type) {
    case 'string':
      return `"\${${stops.take()}}"`;
    case 'number':
    case 'integer':
      return `\${${stops.take()}:0}`;
    case 'boolean':
      return `\${${stops.take()}|false,true|}`;
    case 'object':
      return shape.properties ? objectSnippet(shape.properties, stops, indent) : `{\${${stops.take()}}}`;
    case 'array': {
      const items = 'items' in shape ? shape.items : undefined;
      if (!items) {
        return `[\${${stops.take()}}]`;
      }
      const inner = `${indent}  `;
      return `[\n${inner}${valueSnippet(items, stops, inner)}\n${indent}]`;
    }
  }
}

function objectSnippet(parameters: readonly ParameterSpec[], stops: TabStops, indent: string): string {
  // Required parameters, plus those with a fixed set of values: the ones people get wrong.
  const shown = parameters.filter((parameter) => parameter.required || (parameter.values && parameter.values.length > 0));
  const chosen = shown.length > 0 ? shown : parameters.slice(0, 1);
  const inner = `${indent}  `;
  const lines = chosen.map((parameter) => `${inner}${literal(JSON.stringify(parameter.name))}: ${valueSnippet(parameter, stops, inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The body with the required and enumerated parameters (or the first one), as a snippet. */
export function bodySnippet(operation: OperationSpec, stops = new TabStops()): string {
  return objectSnippet(operation.body, stops, '');
}

/** A whole .http request for the operation: request line, headers and body. */
export function requestSnippet(operation: OperationSpec): string {
  const stops = new TabStops();
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => `\${${stops.take()}:{{${name}\\}\\}}`);
  const lines = [`${operation.method} https://api.security.microsoft.com${path}`, 'Authorization: Bearer {{token}}'];
  if (operation.bodyKind === 'json') {
    lines.push('Content-Type: application/json', '', bodySnippet(operation, stops));
  }
  return lines.join('\n');
}
