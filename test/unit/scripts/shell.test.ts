import * as assert from 'node:assert/strict';
import { analyzeShell, assertFindingsAt, findingsOf, fixAll, fixture, type Expected } from './shellHelpers';

/** Each fixture writes mis-cased bodies one way; fixed/<name> is the same script as fix-all must leave it. */
const FORMS: Readonly<Record<string, { readonly about: string; readonly findings: readonly Expected[]; readonly operations: readonly string[] }>> = {
  'single-quoted.sh': {
    about: "a single-quoted -d, the URL built from a variable, lines continued with '\\'",
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
      ['invalid-value', '"selective"'],
    ],
    operations: ['isolateMachine'],
  },
  'double-quoted.sh': {
    about: 'a double-quoted --data with \\" \\\\ \\$ \\` escapes and a $VAR inside, --url and --request',
    findings: [
      ['wrong-case', '\\"comment\\"'],
      ['wrong-case', '\\"scanType\\"'],
      ['invalid-value', '\\"full\\"'],
    ],
    operations: ['runAntiVirusScan'],
  },
  'attached-values.sh': {
    about: 'values attached to their options: --data="…", -d\'…\', -XPOST, -sXPOST, -H\'…\'',
    findings: [
      ['wrong-case', '\\"comment\\"'],
      ['wrong-case', '"comment"'],
    ],
    operations: ['unisolateMachine', 'restrictCodeExecution'],
  },
  'ansi-c.sh': {
    about: "an ANSI-C $'…' --data-raw with \\' and \\\\t",
    findings: [['wrong-case', '"comment"']],
    operations: ['collectInvestigationPackage'],
  },
  'concatenation.sh': {
    about: 'single-quoted parts around "$VAR" and $VAR, forming one word',
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
    ],
    operations: ['isolateMachine'],
  },
  'heredoc-quoted.sh': {
    about: "a <<'JSON' heredoc fed to --data-binary @-",
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"sha1"'],
    ],
    operations: ['stopAndQuarantineFile'],
  },
  'heredoc-expanding.sh': {
    about: 'an unquoted <<EOF heredoc with $VAR and \\$ fed to --json @-',
    findings: [
      ['wrong-case', '"value"'],
      ['wrong-case', '"action"'],
      ['invalid-value', '"remove"'],
    ],
    operations: ['addOrRemoveMachineTag'],
  },
  'variable-body.sh': {
    about: "-d \"$BODY\" for a quoted assignment and for read -r -d '' VAR <<'EOF'",
    findings: [
      ['wrong-case', '"query"'],
      ['invalid-value', '"resolved"'],
      // The update-alert page spells it both ways; its own example's lower case wins.
      ['documented-variant', '"Classification"'],
    ],
    operations: ['runAdvancedQuery', 'updateAlert'],
  },
  'pipes.sh': {
    about: 'cat <<EOF | curl -d @-, $(cat <<EOF …) in a variable, echo … | curl -d @-',
    findings: [
      ['wrong-case', '"comment"', 0],
      ['wrong-case', '"comment"', 1],
      ['wrong-case', '"comment"', 2],
    ],
    operations: ['offboardMachine', 'startInvestigation', 'cancelMachineAction'],
  },
  'prefixes.sh': {
    about: 'sudo -E curl, time command curl.exe, export VAR=…',
    findings: [
      ['wrong-case', '"comment"', 0],
      ['wrong-case', '"comment"', 1],
    ],
    operations: ['unrestrictCodeExecution', 'startInvestigation'],
  },
  'directive.sh': {
    about: 'a # mde: directive above a curl whose URL is unknown, and above an assignment',
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
      ['invalid-value', '"full"'],
      ['invalid-value', '"domainName"'],
      ['invalid-value', '"block"'],
    ],
    operations: ['isolateMachine', 'submitIndicator'],
  },
};

describe('shell scripts: curl bodies', () => {
  for (const [name, form] of Object.entries(FORMS)) {
    describe(`${name}: ${form.about}`, () => {
      it('reports each mistake on its exact span, with the operation of the command', async () => {
        const text = fixture(name);
        const analysis = await analyzeShell(text);
        assertFindingsAt(text, analysis.findings, form.findings);
        assert.deepEqual(
          analysis.bodies.map((body) => body.operation?.id),
          form.operations,
        );
      });

      it('fix-all writes the fixes in the quoting of the body, then has nothing left to do', async () => {
        const text = fixture(name);
        const fixed = fixAll(text, await findingsOf(text));
        assert.equal(fixed, fixture(`fixed/${name}`));
        const again = await findingsOf(fixed);
        assert.deepEqual(again, []);
        assert.equal(fixAll(fixed, again), fixed);
      });
    });
  }

  it('reads the URL through the script variables, writing what it cannot know as {{}}', async () => {
    const urls = async (name: string) => (await analyzeShell(fixture(name))).bodies.map((body) => body.target?.url);
    assert.deepEqual(await urls('single-quoted.sh'), ['https://api.security.microsoft.com/api/machines/{{}}/isolate']);
    assert.deepEqual(await urls('double-quoted.sh'), ['https://api.securitycenter.microsoft.com/api/machines/{{}}/runAntiVirusScan']);
    assert.deepEqual(await urls('concatenation.sh'), ['https://api.security.microsoft.com/api/machines/{{}}/isolate']);
    assert.deepEqual(await urls('prefixes.sh'), ['https://api.security.microsoft.com/api/machines/{{}}/unrestrictCodeExecution', 'https://api.security.microsoft.com/api/machines/{{}}/startInvestigation']);
  });

  it('reports a body on GET, an implicit POST to a PATCH path and a wrong -X on the method; an unknown -X on nothing', async () => {
    const text = fixture('methods.sh');
    const findings = await findingsOf(text);
    assertFindingsAt(text, findings, [
      ['body-on-get', 'GET'],
      // No -X: curl sends data with POST, and the command name says so.
      ['wrong-method', 'curl', 1],
      ['wrong-method', 'PUT'],
    ]);
    assert.equal(findings[1].args.expected, 'PATCH');
    assert.equal(findings[2].args.expected, 'POST');
  });

  it('reports a JSON body sent by -d without a JSON Content-Type, unless --json sets it or the headers are out of sight', async () => {
    const text = fixture('content-type.sh');
    const findings = await findingsOf(text);
    assertFindingsAt(text, findings, [
      ['missing-content-type', 'curl', 0],
      ['missing-content-type', 'curl', 1],
    ]);
    assert.deepEqual(
      findings.map((finding) => [finding.severity, finding.args.operation]),
      [
        ['warning', 'unisolateMachine'],
        ['warning', 'unisolateMachine'],
      ],
    );
    assert.equal((await analyzeShell(text)).bodies.length, 8);
  });

  it('infers the operation of JSON outside any curl only from keys that name it confidently', async () => {
    const text = `echo '{"comment": "x", "isolationType": "Full"}'\necho '{"comment": "y"}'\n`;
    const findings = await findingsOf(text);
    assertFindingsAt(text, findings, [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
    ]);
    assert.equal(findings[0].args.inferred, 'isolateMachine');
  });

  it('reads each request of a command line cut by --next with its own options', async () => {
    const text = [
      'curl -X POST https://api.security.microsoft.com/api/machines/1/unisolate -H "Content-Type: application/json" -d \'{"comment": "a"}\' \\',
      '  --next https://graph.microsoft.com/v1.0/x -d \'{"query": "b"}\'',
    ].join('\n');
    const analysis = await analyzeShell(text);
    assertFindingsAt(text, analysis.findings, [['wrong-case', '"comment"']]);
    assert.deepEqual(
      analysis.bodies.map((body) => body.target?.url),
      ['https://api.security.microsoft.com/api/machines/1/unisolate'],
    );
  });
});

describe('shell scripts: what must stay silent', () => {
  const sections = fixture('false-alarms.sh').split(/\n(?=# --- )/).slice(1);

  it('has every section of the false-alarm fixture', () => {
    assert.equal(sections.length, 11);
  });

  for (const section of sections) {
    const title = section.slice('# --- '.length, section.indexOf('\n'));
    it(title, async () => {
      // Each section runs with the fixture's variables, as it does in the whole script.
      const text = `BASE="https://api.security.microsoft.com/api"\n${section}`;
      assert.deepEqual(await findingsOf(text), []);
    });
  }

  it('the whole fixture', async () => {
    assert.deepEqual(await findingsOf(fixture('false-alarms.sh')), []);
  });
});
