/** Hover Markdown for request lines and body parameters, from the catalog alone. */
import type { ShapeSpec } from '../catalog/parameterPath';
import type { OperationSpec, RateLimit } from '../catalog/types';
import type { HoverEnvironment } from './environment';

export function operationHover(operation: OperationSpec, env: HoverEnvironment): string {
  const { t, language } = env;
  const sections = [`**${operation.title[language]}**: \`${operation.method} ${operation.path}\``];
  const { application, delegated } = operation.permissions;
  if (application.length > 0) {
    sections.push(`${t('Application permissions')}: ${codeList(application)}`);
  }
  if (delegated.length > 0) {
    sections.push(`${t('Delegated permissions')}: ${codeList(delegated)}`);
  }
  if (operation.rateLimits && operation.rateLimits.length > 0) {
    sections.push(`${t('Rate limits')}: ${operation.rateLimits.map((limit) => rateLimitText(limit, env)).join(', ')}`);
  }
  if (operation.limits) {
    sections.push(operation.limits[language]);
  }
  if (operation.bodyKind === 'multipart') {
    sections.push(t('The body is multipart/form-data; it is not checked as JSON.'));
  } else if (operation.body.length > 0) {
    const parameters = operation.body.map((parameter) => `\`${parameter.name}\`${parameter.required ? ` (${t('required')})` : ''}`);
    sections.push(`${t('Body parameters')}: ${parameters.join(', ')}`);
  }
  sections.push(docsLink(operation, env));
  return sections.join('\n\n');
}

export function parameterHover(name: string, shape: ShapeSpec, operation: OperationSpec, env: HoverEnvironment): string {
  const { t, language } = env;
  const required = 'required' in shape ? (shape.required ? t('required') : t('optional')) : undefined;
  const heading = [`**\`${name}\`**`, typeLabel(shape), required].filter(Boolean).join(' · ');
  const sections = [heading];
  if ('description' in shape) {
    sections.push(shape.description[language]);
  }
  if (shape.values) {
    sections.push(`${t('Allowed values (exact case)')}: ${codeList(shape.values)}`);
  }
  if (shape.format) {
    sections.push(`${t('Format')}: ${formatLabel(shape.format, env)}`);
  }
  if ('maxItems' in shape && shape.maxItems !== undefined) {
    sections.push(t('At most {count} items per request.', { count: shape.maxItems }));
  }
  if ('alternateSpellings' in shape) {
    for (const alt of shape.alternateSpellings ?? []) {
      sections.push(`${t('The docs also spell it {spelling}.', { spelling: `\`${alt.spelling}\`` })} ${alt.conflict[language]}`);
    }
  }
  sections.push(`${operation.title[language]}: ${docsLink(operation, env)}`);
  return sections.join('\n\n');
}

function typeLabel(shape: ShapeSpec): string {
  if (shape.type === 'array' && 'items' in shape && shape.items) {
    return `${shape.items.type}[]`;
  }
  return shape.type;
}

/** How a value format is named to users, in hovers and in diagnostics alike. */
export function formatLabel(format: NonNullable<ShapeSpec['format']>, env: HoverEnvironment): string {
  const labels: Record<typeof format, string> = {
    sha1: env.t('SHA-1 hash (40 hexadecimal digits)'),
    sha256: env.t('SHA-256 hash (64 hexadecimal digits)'),
    md5: env.t('MD5 hash (32 hexadecimal digits)'),
    fileHash: env.t('SHA-1, SHA-256 or MD5 hash'),
    ip: env.t('IPv4 or IPv6 address'),
    domain: env.t('domain name'),
    url: env.t('URL'),
    guid: env.t('GUID'),
    dateTime: env.t('ISO 8601 date and time'),
    indicatorValue: env.t('depends on indicatorType: a hash, an IP address, a domain name or a URL'),
  };
  return labels[format];
}

function rateLimitText(limit: RateLimit, env: HoverEnvironment): string {
  switch (limit.perSeconds) {
    case 60:
      return env.t('{calls} calls per minute', { calls: limit.calls });
    case 3600:
      return env.t('{calls} calls per hour', { calls: limit.calls });
    default:
      return env.t('{calls} calls per {seconds} seconds', { calls: limit.calls, seconds: limit.perSeconds });
  }
}

function codeList(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}

function docsLink(operation: OperationSpec, env: HoverEnvironment): string {
  return `[${env.t('Documentation')}](${operation.docs})`;
}
