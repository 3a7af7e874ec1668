/** Which language the server and the command line speak, and the one switch that changes it for every feature. */
import * as l10n from '@vscode/l10n';
import type { Language, Translate } from '../core/hover/environment';
import type { DocsLanguageSetting } from '../core/settings';
import frenchBundle from '../../l10n/bundle.l10n.fr.json';

let current: Language = 'en';

/** `docsLanguage` wins over the display language the client announced in `initialize`. */
export function resolveLanguage(setting: DocsLanguageSetting, clientLocale: string | undefined): Language {
  if (setting === 'en' || setting === 'fr') {
    return setting;
  }
  return clientLocale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLanguage(language: Language): boolean {
  if (language === current) {
    return false;
  }
  current = language;
  l10n.config({ contents: language === 'fr' ? frenchBundle : {} });
  return true;
}

export function currentLanguage(): Language {
  return current;
}

export const t: Translate = (message, args) => (args ? l10n.t(message, args) : l10n.t(message));
