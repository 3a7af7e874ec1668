/** The diagnostic codes as rules, for SARIF: one per code, with its usual severity and a one-line description. */
import type { FindingCode, Severity } from '../core/findings';
import { t } from '../shared/language';

export interface RuleInfo {
  readonly severity: Severity;
  readonly description: () => string;
}

/** Every code (the Record type makes the compiler check that none is missing), in the README's order. */
export const rules: Readonly<Record<FindingCode, RuleInfo>> = {
  'wrong-case': { severity: 'error', description: () => t('A body key matches a documented parameter except for its letter case.') },
  'unknown-parameter': { severity: 'warning', description: () => t('A body key is not a parameter of the operation.') },
  'missing-required': { severity: 'error', description: () => t('Required body parameters are missing.') },
  'wrong-type': { severity: 'error', description: () => t('A body value has the wrong JSON type.') },
  'invalid-value': { severity: 'error', description: () => t('A body value is not one of the allowed values, or is too long.') },
  'invalid-format': { severity: 'error', description: () => t('A hash, IP address, domain name or URL is not well formed.') },
  'batch-too-large': { severity: 'error', description: () => t('A list holds more items than the documented batch limit.') },
  'duplicate-key': { severity: 'error', description: () => t('Two body keys differ only by letter case.') },
  'invalid-json': { severity: 'error', description: () => t('The request body is not valid JSON.') },
  'sent-comment': { severity: 'error', description: () => t('A comment after JSON on the same line is sent with the body.') },
  'documented-variant': { severity: 'information', description: () => t('A name or value in a spelling the docs also use, but not the canonical one.') },
  'body-on-get': { severity: 'warning', description: () => t('A GET or HEAD request carries a body.') },
  'missing-content-type': { severity: 'warning', description: () => t('A JSON body is sent without "Content-Type: application/json".') },
  'wrong-method': { severity: 'error', description: () => t('The HTTP method is not the documented one for this path.') },
  'unknown-path': { severity: 'information', description: () => t('The path is not among the documented operations that take a body.') },
  'shallow-json-depth': { severity: 'error', description: () => t('PowerShell ConvertTo-Json cuts a body nested deeper than its default depth of 2.') },
  'form-encoded-body': { severity: 'error', description: () => t('A script or a Postman request sends a JSON operation its body form-encoded.') },
  'unserialized-body': { severity: 'error', description: () => t('A script sends an object that is never serialized to JSON.') },
};

export const ruleCodes = Object.keys(rules) as FindingCode[];
