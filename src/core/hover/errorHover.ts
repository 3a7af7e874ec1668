/** Hover Markdown for a recognized error response: documented facts, our guidance, escaped input. */
import { errorClassGuidance, errorClassOf, errorCodes, errorResponseNotes, findErrorCode, reasonPhrases, type ErrorCodeInfo } from '../errors/errorCodes';
import type { RecognizedError } from '../errors/errorRecognizer';
import { headOf } from '../errors/responseHead';
import { commandLink, escapeMarkdown, inlineCode } from '../markdown';
import { closestName } from '../validate/nameMatcher';
import { HoverCommands, type HoverEnvironment } from './environment';

export function errorCodeHover(error: RecognizedError, env: HoverEnvironment): string {
  const code = error.code?.value ?? '';
  const info = findErrorCode(code);
  const sections = info ? documentedCode(info, error, env) : undocumentedCode(code, error, env);
  if (error.message) {
    sections.push(`${env.t('Message received:')} ${escapeMarkdown(error.message.value)}`);
  }
  sections.push(`*${env.t('The message is free text that can change: act on the code, never on the message.')}*`);
  if (error.target) {
    sections.push(copyTargetLink(error.target.value, env));
  }
  return sections.filter((section) => section.length > 0).join('\n\n');
}

export function targetHover(error: RecognizedError, env: HoverEnvironment): string {
  const target = error.target?.value ?? '';
  return [
    `**${env.t('Correlation ID')}** (\`target\`): ${inlineCode(target)}`,
    errorResponseNotes.correlationId[env.language],
    copyTargetLink(target, env),
  ]
    .filter((section) => section.length > 0)
    .join('\n\n');
}

function documentedCode(info: ErrorCodeInfo, error: RecognizedError, env: HoverEnvironment): string[] {
  const { language, t } = env;
  const sections = [
    `**${inlineCode(info.code)}**: ${info.status} ${reasonOf(info.status, language) ?? info.reason} (${classLabel(info.status, env)})`,
    `${t('Documented message:')} ${info.message[language]}`,
    `**${t('Cause')}:** ${info.cause[language]}`,
    `**${t('What to do')}:** ${info.action[language]}`,
  ];
  const retryAfter = headOf(error.head, 'Retry-After');
  if (info.status === 429 && retryAfter !== undefined) {
    sections.push(`**Retry-After:** ${retryAdvice(retryAfter, env)}`);
  }
  if (error.head?.status !== undefined && error.head.status !== info.status) {
    sections.push(t('The status line says {status}, but this code is documented with {documented}.', { status: error.head.status, documented: info.status }));
  }
  return sections;
}

function undocumentedCode(code: string, error: RecognizedError, env: HoverEnvironment): string[] {
  const { t, language } = env;
  const sections = [`**${inlineCode(code)}**: ${t('not among the documented Defender for Endpoint error codes.')}`];
  const status = error.head?.status;
  const errorClass = status === undefined ? undefined : errorClassOf(status);
  if (status !== undefined) {
    sections.push(`${t('HTTP status')}: ${status} ${reasonOf(status, language) ?? escapeMarkdown(error.head?.reason ?? '')} (${classLabel(status, env)})`);
  }
  if (errorClass) {
    sections.push(errorClassGuidance[errorClass][language]);
  }
  const suggestion = code ? closestName(code, errorCodes.map((entry) => entry.code)) : undefined;
  if (suggestion) {
    sections.push(t('Did you mean {code}?', { code: inlineCode(suggestion) }));
  }
  return sections;
}

function retryAdvice(retryAfter: string, env: HoverEnvironment): string {
  const seconds = Number(retryAfter.trim());
  if (Number.isFinite(seconds) && seconds >= 0) {
    return env.t('wait {seconds} seconds before resubmitting; sending earlier prolongs the 429 responses.', { seconds });
  }
  return env.t('wait until {date} before resubmitting; sending earlier prolongs the 429 responses.', { date: escapeMarkdown(retryAfter, 80) });
}

function reasonOf(status: number, language: HoverEnvironment['language']): string | undefined {
  return reasonPhrases[status]?.[language];
}

function classLabel(status: number, env: HoverEnvironment): string {
  switch (errorClassOf(status)) {
    case 'client':
      return env.t('client error');
    case 'server':
      return env.t('server error');
    default:
      return env.t('not an error status');
  }
}

/** Real correlation ids are GUIDs; anything far longer is not one, and gets no link. */
const MAX_LINKED_TARGET = 256;

function copyTargetLink(target: string, env: HoverEnvironment): string {
  if (target.length === 0 || target.length > MAX_LINKED_TARGET) {
    return '';
  }
  return commandLink(env.t('Copy correlation ID'), HoverCommands.copyTargetId, [{ target }]);
}
