import * as assert from 'node:assert/strict';
import type { CompletionItem, Hover, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../../src/server/documentStore';
import { provideCompletion } from '../../../src/server/features/completion';
import { provideHover } from '../../../src/server/features/hover';
import { currentLanguage, t } from '../../../src/shared/language';
import { testParsers } from '../helpers/parsers';
import { joinLines, withCursor } from '../helpers/text';

const env = () => ({ language: currentLanguage(), t });
let version = 1;

async function at(marked: string): Promise<{ document: TextDocument; offset: number; store: DocumentStore }> {
  const { text, offset } = withCursor(marked);
  const document = TextDocument.create(`untitled:editor-${version}.ps1`, 'powershell', version++, text);
  const store = new DocumentStore(() => 32 * 1024 * 1024, testParsers);
  await store.prepare(document);
  return { document, offset, store };
}

async function completions(marked: string): Promise<{ items: CompletionItem[]; document: TextDocument }> {
  const { document, offset, store } = await at(marked);
  return { items: provideCompletion(document, document.positionAt(offset), store, env()), document };
}

async function hover(marked: string): Promise<{ hover: Hover | null; document: TextDocument }> {
  const { document, offset, store } = await at(marked);
  return { hover: provideHover(document, document.positionAt(offset), store, env()), document };
}

/** What accepting the item leaves in the document (snippet syntax kept as is). */
function accept(document: TextDocument, item: CompletionItem): string {
  return TextDocument.applyEdits(document, [item.textEdit as TextEdit]);
}

const send = 'Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api/machines/$id/runAntiVirusScan" -Body ($body | ConvertTo-Json)';

describe('PowerShell in the editor', () => {
  describe('completion', () => {
    it('completes a key being typed with `Name = value` in PowerShell syntax, replacing what is typed', async () => {
      const { items, document } = await completions(joinLines('$body = @{', '  Comm|', '}', send));
      assert.deepEqual(
        items.map((item) => item.label),
        ['Comment', 'ScanType'],
      );
      const comment = items.find((item) => item.label === 'Comment')!;
      assert.equal(accept(document, comment), joinLines('$body = @{', "  Comment = '$1'", '}', send));
      assert.equal(comment.filterText, 'Comment');
      const scanType = items.find((item) => item.label === 'ScanType')!;
      assert.equal((scanType.textEdit as TextEdit).newText, "ScanType = '${1|Quick,Full|}'");
    });

    it('offers the keys left on a new line between entries, after the last one, and after `;`', async () => {
      for (const marked of [
        joinLines('$body = @{', "  Comment = 'x'", '  |', '}', send),
        joinLines('$body = @{', '  |', "  Comment = 'x'", '}', send),
        joinLines("$body = @{ Comment = 'x'; | }", send),
      ]) {
        const { items } = await completions(marked);
        assert.deepEqual(
          items.map((item) => [item.label, (item.textEdit as TextEdit).newText]),
          [['ScanType', "ScanType = '${1|Quick,Full|}'"]],
          marked,
        );
      }
    });

    it('offers enum values as PowerShell strings, after `=` or in the value being typed', async () => {
      const { items } = await completions(joinLines("$body = @{ Comment = 'x'; ScanType = | }", send));
      assert.deepEqual(
        items.map((item) => (item.textEdit as TextEdit).newText),
        ["'Quick'", "'Full'"],
      );
      const typed = await completions(joinLines("$body = @{ Comment = 'x'; ScanType = 'qu|' }", send));
      const quick = typed.items.find((item) => item.label === 'Quick')!;
      assert.equal(accept(typed.document, quick), joinLines("$body = @{ Comment = 'x'; ScanType = 'Quick' }", send));
      assert.equal(quick.filterText, "'Quick'");
    });

    it('renames a key that already has a value, without writing a second value', async () => {
      const { items, document } = await completions(joinLines("$body = @{ comm| = 'x'; ScanType = 'Quick' }", send));
      const comment = items.find((item) => item.label === 'Comment')!;
      assert.equal(accept(document, comment), joinLines("$body = @{ Comment = 'x'; ScanType = 'Quick' }", send));
    });

    it('writes $true/$false, @(…) and @{…} for booleans, arrays and objects', async () => {
      const indicator = joinLines('# mde: POST /api/indicators', '$body = @{', '  |', '}');
      const { items } = await completions(indicator);
      const snippet = (label: string) => (items.find((item) => item.label === label)?.textEdit as TextEdit | undefined)?.newText;
      assert.equal(snippet('generateAlert'), 'generateAlert = ${1|$false,$true|}');
      assert.equal(snippet('rbacGroupNames'), 'rbacGroupNames = @($1)');
      const scan = await completions(joinLines('# mde: POST /api/DeviceAuthenticatedScanDefinitions', '$body = @{', '  |', '}'));
      assert.equal((scan.items.find((item) => item.label === 'scannerAgent')?.textEdit as TextEdit).newText, 'scannerAgent = @{$1}');
      const value = await completions(joinLines('# mde: POST /api/indicators', '$body = @{ generateAlert = | }'));
      assert.deepEqual(
        value.items.map((item) => [item.label, (item.textEdit as TextEdit).newText]),
        [
          ['$true', '\\$true'],
          ['$false', '\\$false'],
        ],
      );
    });

    it('completes in a body built in steps, on the step', async () => {
      const { items } = await completions(joinLines('$body = @{}', "$body.Comment = 'x'", '$body.Sc| = 1', send));
      assert.ok(items.some((item) => item.label === 'ScanType'));
    });
  });

  describe('hover', () => {
    it("explains the operation on the sending call's URI", async () => {
      const { hover: found, document } = await hover(joinLines("$body = @{ Comment = 'x'; ScanType = 'Quick' }", send.replace('/machines/', '/mach|ines/')));
      assert.match((found!.contents as { value: string }).value, /Run antivirus scan/i);
      assert.equal(document.getText(found!.range), '"https://api.securitycenter.microsoft.com/api/machines/$id/runAntiVirusScan"');
    });

    it('explains a parameter on its key, bare or quoted, and nothing between tokens', async () => {
      const key = await hover(joinLines("$body = @{ Comm|ent = 'x'; 'ScanType' = 'Quick' }", send));
      assert.match((key.hover!.contents as { value: string }).value, /`Comment`/);
      assert.equal(key.document.getText(key.hover!.range), 'Comment');
      const quotedKey = await hover(joinLines("$body = @{ Comment = 'x'; 'Scan|Type' = 'Quick' }", send));
      assert.equal(quotedKey.document.getText(quotedKey.hover!.range), "'ScanType'");
      const between = await hover(joinLines("$body = @{ Comment = 'x'", '  |', "  ScanType = 'Quick' }", send));
      assert.equal(between.hover, null);
    });
  });
});
