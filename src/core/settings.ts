/** The extension's settings, read defensively: a bad value falls back to its default and says so. */

export type DocsLanguageSetting = 'auto' | 'en' | 'fr';

export interface Settings {
  readonly docsLanguage: DocsLanguageSetting;
  /** Above this size, body validation is skipped (error hovers still work). */
  readonly maxFileSizeMB: number;
  readonly validationEnabled: boolean;
  readonly codeLensEnabled: boolean;
}

export const defaultSettings: Settings = {
  docsLanguage: 'auto',
  maxFileSizeMB: 4,
  validationEnabled: true,
  codeLensEnabled: true,
};

/** A setting whose value was unusable. */
export interface SettingProblem {
  readonly setting: string;
  readonly value: string;
  readonly fallback: string;
}

/** Reads the `mdeApi` section as the client sent it (any shape at all). */
export function readSettings(raw: unknown): { settings: Settings; problems: SettingProblem[] } {
  const section = isRecord(raw) ? raw : {};
  const validation = isRecord(section.validation) ? section.validation : {};
  const codeLens = isRecord(section.codeLens) ? section.codeLens : {};
  const problems: SettingProblem[] = [];
  const pick = <T>(setting: string, value: unknown, fallback: T, valid: (candidate: unknown) => candidate is T): T => {
    if (value === undefined || value === null) {
      return fallback;
    }
    if (valid(value)) {
      return value;
    }
    problems.push({ setting, value: describe(value), fallback: String(fallback) });
    return fallback;
  };
  const settings: Settings = {
    docsLanguage: pick('mdeApi.docsLanguage', section.docsLanguage, defaultSettings.docsLanguage, isDocsLanguage),
    maxFileSizeMB: pick('mdeApi.maxFileSizeMB', section.maxFileSizeMB, defaultSettings.maxFileSizeMB, isPositiveNumber),
    validationEnabled: pick('mdeApi.validation.enabled', validation.enabled, defaultSettings.validationEnabled, isBoolean),
    codeLensEnabled: pick('mdeApi.codeLens.enabled', codeLens.enabled, defaultSettings.codeLensEnabled, isBoolean),
  };
  return { settings, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDocsLanguage(value: unknown): value is DocsLanguageSetting {
  return value === 'auto' || value === 'en' || value === 'fr';
}

function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function describe(value: unknown): string {
  // JSON.stringify shows NaN and ±Infinity as null, which is not what was set.
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
