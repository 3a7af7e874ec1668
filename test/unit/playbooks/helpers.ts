/** Reading the playbook fixtures and what the analyzer says about them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { applyEdits, fixAllEdits } from '../../../src/core/fixAll';
import { analyzeDocument, type DocumentKind } from '../../../src/core/requests/requestAnalyzer';

export const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/playbooks', name), 'utf8');

export const analyze = (text: string, kind: DocumentKind = 'json') => analyzeDocument(text, kind, catalogMatcher);

/** Each finding as [code, the text it covers]. */
export function found(text: string, kind: DocumentKind = 'json'): [string, string][] {
  return analyze(text, kind).findings.map((finding) => [finding.code, text.slice(finding.start, finding.end)]);
}

export function fixAll(text: string, kind: DocumentKind = 'json'): string {
  return applyEdits(text, fixAllEdits(analyze(text, kind).findings));
}

/** A Logic Apps Standard workflow around the given actions (an object of named actions, as JSON text). */
export function standardWorkflow(actions: string): string {
  return `{"definition": {"$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#", "actions": ${actions}}, "kind": "Stateful"}`;
}

/** A Postman v2.1 collection around the given items (a JSON array as text). */
export function collection(items: string, version = '2.1.0'): string {
  return `{"info": {"name": "t", "schema": "https://schema.getpostman.com/json/collection/v${version}/collection.json"}, "item": ${items}}`;
}
