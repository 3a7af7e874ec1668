/** The snippets/http.code-snippets file, derived from the catalog. */
import { operations } from '../catalog/catalog';
import { requestSnippet } from '../catalog/skeleton';

interface SnippetEntry {
  readonly prefix: string[];
  readonly description: string;
  readonly body: string[];
}

export function buildSnippetFile(): string {
  const entries: Record<string, SnippetEntry> = {};
  for (const operation of operations) {
    entries[`MDE: ${operation.title.en}`] = {
      prefix: [`mde-${kebab(operation.id)}`, `mde ${operation.title.en.toLowerCase()}`],
      description: `${operation.method} ${operation.path} (${operation.docs})`,
      body: requestSnippet(operation).split('\n'),
    };
  }
  return `${JSON.stringify(entries, null, 2)}\n`;
}

function kebab(id: string): string {
  return id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
