/** The wording of every diagnostic and fix, in the current language: shared by the server and the command line. */
import { catalogMatcher } from '../core/catalog/catalog';
import type { ValueFormat } from '../core/catalog/types';
import type { Finding, FixSpec } from '../core/findings';
import { formatLabel } from '../core/hover/operationHover';
import { currentLanguage, t } from './language';

function operationTitle(id: string | undefined): string {
  const operation = id ? catalogMatcher.findById(id) : undefined;
  return operation ? operation.title[currentLanguage()] : '';
}

export function findingMessage(finding: Finding): string {
  const text = baseMessage(finding);
  const inferred = finding.args.inferred;
  return inferred ? `${text} ${t('(operation inferred from the keys: {title})', { title: operationTitle(inferred) })}` : text;
}

function baseMessage(finding: Finding): string {
  const a: Record<string, string> = { ...finding.args, title: operationTitle(finding.args.operation), preempts: finding.preempts ?? '' };
  switch (finding.code) {
    case 'wrong-case':
      return t('"{name}" has the wrong letter case: the documented parameter is "{expected}". Body parameters are case-sensitive, so the API would answer {preempts}.', a);
    case 'unknown-parameter':
      return a.suggestion
        ? t('"{name}" is not a parameter of {title}. Did you mean "{suggestion}"?', a)
        : t('"{name}" is not a parameter of {title}. Documented parameters: {known}.', a);
    case 'missing-required':
      return t('Missing required parameter(s) for {title}: {names}. The API would answer MissingRequiredParameter.', a);
    case 'wrong-type':
      return a.path ? t('"{path}" must be of type {expected}, not {actual}.', a) : t('The body must be a JSON {expected}, not {actual}.', a);
    case 'invalid-value':
      if (a.maxLength) {
        return t('"{path}" is longer than the documented {maxLength} characters.', a);
      }
      if (a.elsewhere) {
        return t('"{value}" is not an allowed value of "{path}" for {title}: the docs use it elsewhere, not for this operation. Use "{expected}". Hover for details.', a);
      }
      return a.expected
        ? t('"{value}" is not an allowed value of "{path}": values are case-sensitive, use "{expected}".', a)
        : t('"{value}" is not an allowed value of "{path}". Allowed values: {allowed}.', a);
    case 'invalid-format':
      return t('"{value}" is not a valid {format} for "{path}": the API would answer {preempts}.', { ...a, format: a.format ? formatLabel(a.format as ValueFormat, { language: currentLanguage(), t }) : '' });
    case 'batch-too-large':
      return t('"{path}" holds {count} items, but the API accepts at most {max} per request: it would answer MaximumBatchSizeExceeded.', a);
    case 'duplicate-key':
      return t('"{name}" repeats "{first}": keys that differ only by letter case are ambiguous to the API.', a);
    case 'invalid-json':
      return a.error === 'RawLineBreak'
        ? t('A string holds a raw line break, which JSON does not allow: escape it as \\n. The API would answer InvalidRequestBody.')
        : t('The body is not valid JSON ({error}): the API would answer InvalidRequestBody.', a);
    case 'sent-comment':
      return t('This comment is sent with the body: only whole-line comments are stripped before sending. Move it to a line of its own.');
    case 'documented-variant':
      return t('The docs page of {title} spells this both "{name}" and "{expected}"; "{expected}" is the canonical spelling. Hover for details.', a);
    case 'body-on-get':
      return t('A {method} request does not carry a body: the API ignores or rejects it.', a);
    case 'missing-content-type':
      return t('This request sends a JSON body without "Content-Type: application/json".');
    case 'wrong-method':
      return t('{method} is not documented for this path: the docs give {expected}.', a);
    case 'unknown-path':
      return t('This path is not among the documented Defender for Endpoint operations that take a body.');
    case 'shallow-json-depth':
      return t('ConvertTo-Json stops at depth 2 unless told otherwise: this body nests deeper, so the API would receive "System.Collections.Hashtable" in place of its inner objects. Add -Depth.');
    case 'form-encoded-body':
      return t('{title} takes a JSON body, but this sends it form-encoded: the API would answer InvalidRequestBody.', a);
    case 'unserialized-body':
      return t('This object would be sent as the text "[object Object]": {title} takes a JSON body, so serialize it with JSON.stringify.', a);
  }
}

export function fixTitle(fix: FixSpec): string {
  switch (fix.kind) {
    case 'rename-key':
      return t('Rename to "{name}"', fix.args);
    case 'fix-value-case':
      return t('Change to "{value}"', fix.args);
    case 'add-required':
      return t('Add missing parameter(s): {names}', fix.args);
    case 'remove-duplicate':
      return t('Remove duplicate "{name}"', fix.args);
    case 'escape-line-breaks':
      return t('Escape the line breaks');
    case 'add-json-depth':
      return t('Add -Depth 10');
    case 'serialize-body':
      return t('Send it as JSON: {text}', fix.args);
  }
}

export function fixAllTitle(): string {
  return t('Fix all Defender API body problems');
}
