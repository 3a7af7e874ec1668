/** What hover builders need from their host: wording in the user's language, and command ids. */

export type Language = 'en' | 'fr';

/** Looks up a UI string (English source text as the key) and fills `{name}` placeholders. */
export type Translate = (message: string, args?: Record<string, string | number>) => string;

export interface HoverEnvironment {
  readonly language: Language;
  readonly t: Translate;
}

/** Command ids a hover may link to: only these, never a link taken from the text. */
export const HoverCommands = {
  copyTargetId: 'mdeApi.copyTargetId',
} as const;
