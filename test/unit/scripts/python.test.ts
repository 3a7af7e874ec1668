import * as assert from 'node:assert/strict';
import { fixAllEdits } from '../../../src/core/fixAll';
import { fixAllPython, pythonFindings, spansOf } from '../helpers/python';

const ISOLATE = 'requests.post(f"{BASE}/api/machines/{mid}/isolate", json=body)';

interface FormCase {
  readonly name: string;
  readonly text: string;
  /** Each finding's code and the exact text it covers. */
  readonly findings: readonly [string, string][];
  readonly fixed: string;
}

/** Each way Python writes a body, mis-cased, with what fix-all must make of it. */
const FORMS: readonly FormCase[] = [
  {
    name: 'a dict literal with double-quoted keys and values',
    text: `body = {"comment": "Isolated", "isolationType": "full"}\n${ISOLATE}`,
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
      ['invalid-value', '"full"'],
    ],
    fixed: `body = {"Comment": "Isolated", "IsolationType": "Full"}\n${ISOLATE}`,
  },
  {
    name: 'single quotes, which stay single',
    text: `body = {'comment': 'Isolated', 'IsolationType': 'selective'}\n${ISOLATE}`,
    findings: [
      ['wrong-case', "'comment'"],
      ['invalid-value', "'selective'"],
    ],
    fixed: `body = {'Comment': 'Isolated', 'IsolationType': 'Selective'}\n${ISOLATE}`,
  },
  {
    name: 'triple-quoted keys and values',
    text: `body = {"""comment""": '''Isolated''', '''isolationType''': """full"""}\n${ISOLATE}`,
    findings: [
      ['wrong-case', '"""comment"""'],
      ['wrong-case', "'''isolationType'''"],
      ['invalid-value', '"""full"""'],
    ],
    fixed: `body = {"""Comment""": '''Isolated''', '''IsolationType''': """Full"""}\n${ISOLATE}`,
  },
  {
    name: 'string prefixes r, b, u in either case, which stay',
    text: `body = {r"comment": u'Isolated', B'isolationType': Rb"full", U"x": 1}\n${ISOLATE}`,
    findings: [
      ['wrong-case', 'r"comment"'],
      ['wrong-case', "B'isolationType'"],
      ['invalid-value', 'Rb"full"'],
      ['unknown-parameter', 'U"x"'],
    ],
    fixed: `body = {r"Comment": u'Isolated', B'IsolationType': Rb"Full", U"x": 1}\n${ISOLATE}`,
  },
  {
    name: 'dict(Key=…): the keyword is the key',
    text: `body = dict(comment="Isolated", isolationType='full')\n${ISOLATE}`,
    findings: [
      ['wrong-case', 'comment'],
      ['wrong-case', 'isolationType'],
      ['invalid-value', "'full'"],
    ],
    fixed: `body = dict(Comment="Isolated", IsolationType='Full')\n${ISOLATE}`,
  },
  {
    name: 'nested lists, tuples and dicts (live response commands)',
    text: [
      'body = {',
      '    "commands": [',
      "        {'Type': 'runScript', 'params': ({'Key': 'ScriptName', 'value': 'collect.ps1'},)},",
      '    ],',
      '    "Comment": "collect",',
      '}',
      'requests.post(BASE + "/api/machines/" + mid + "/runliveresponse", json=body)',
    ].join('\n'),
    findings: [
      ['wrong-case', '"commands"'],
      ['wrong-case', "'Type'"],
      ['invalid-value', "'runScript'"],
      // The docs page of Run live response writes `Key` in its own example.
      ['documented-variant', "'Key'"],
    ],
    fixed: [
      'body = {',
      '    "Commands": [',
      "        {'type': 'RunScript', 'params': ({'key': 'ScriptName', 'value': 'collect.ps1'},)},",
      '    ],',
      '    "Comment": "collect",',
      '}',
      'requests.post(BASE + "/api/machines/" + mid + "/runliveresponse", json=body)',
    ].join('\n'),
  },
  {
    name: 'JSON in a double-quoted string: a JSON quote is written \\"',
    text: `body = "{\\"comment\\": \\"x\\", \\"IsolationType\\": \\"full\\"}"\n${ISOLATE.replace('json=', 'data=')}`,
    findings: [
      ['wrong-case', '\\"comment\\"'],
      ['invalid-value', '\\"full\\"'],
    ],
    fixed: `body = "{\\"Comment\\": \\"x\\", \\"IsolationType\\": \\"Full\\"}"\n${ISOLATE.replace('json=', 'data=')}`,
  },
  {
    name: 'JSON in a single-quoted string',
    text: `body = '{"comment": "it\\'s done", "IsolationType": "Full"}'\n${ISOLATE.replace('json=', 'data=')}`,
    findings: [['wrong-case', '"comment"']],
    fixed: `body = '{"Comment": "it\\'s done", "IsolationType": "Full"}'\n${ISOLATE.replace('json=', 'data=')}`,
  },
  {
    name: 'JSON in a triple-quoted string',
    text: ['body = """', '{', '  "comment": "x",', '  "isolationType": "full"', '}', '"""', ISOLATE.replace('json=', 'data=')].join('\n'),
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
      ['invalid-value', '"full"'],
    ],
    fixed: ['body = """', '{', '  "Comment": "x",', '  "IsolationType": "Full"', '}', '"""', ISOLATE.replace('json=', 'data=')].join('\n'),
  },
  {
    name: 'JSON in an f-string: interpolations are unknown values, braces stay doubled',
    text: `requests.post(f"{BASE}/api/machines/{mid}/isolate", data=f'{{"comment": "{reason}", "isolationType": "{kind}"}}')`,
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
    ],
    fixed: `requests.post(f"{BASE}/api/machines/{mid}/isolate", data=f'{{"Comment": "{reason}", "IsolationType": "{kind}"}}')`,
  },
  {
    name: 'JSON in a triple-quoted f-string: its quotes stay unescaped',
    text: 'requests.post(f"https://api.security.microsoft.com/api/machines/{mid}/unisolate", data=f"""{{"comment": "{reason}"}}""")',
    findings: [['wrong-case', '"comment"']],
    fixed: 'requests.post(f"https://api.security.microsoft.com/api/machines/{mid}/unisolate", data=f"""{{"Comment": "{reason}"}}""")',
  },
  {
    name: "json.loads('…')",
    text: `body = json.loads('{"comment": "x", "IsolationType": "full"}')\n${ISOLATE}`,
    findings: [
      ['wrong-case', '"comment"'],
      ['invalid-value', '"full"'],
    ],
    fixed: `body = json.loads('{"Comment": "x", "IsolationType": "Full"}')\n${ISOLATE}`,
  },
  {
    name: "a '…'.format(…) template",
    text: `requests.post(url, data='{{"comment": "{}", "isolationType": "{kind}"}}'.format(reason, kind=k))\nurl = "x"`.replace('url, ', `f"{BASE}/api/machines/{mid}/isolate", `),
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
    ],
    fixed: `requests.post(f"{BASE}/api/machines/{mid}/isolate", data='{{"Comment": "{}", "IsolationType": "{kind}"}}'.format(reason, kind=k))\nurl = "x"`,
  },
  {
    name: "a '…' % args template",
    text: `payload = '{"comment": "%s", "isolationType": "%(t)s"}' % args\nrequests.post(f"{BASE}/api/machines/{mid}/isolate", data=payload)`,
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
    ],
    fixed: `payload = '{"Comment": "%s", "IsolationType": "%(t)s"}' % args\nrequests.post(f"{BASE}/api/machines/{mid}/isolate", data=payload)`,
  },
  {
    name: 'JSON in a raw string that can hold the fix',
    text: `body = r'{"comment": "C:\\temp", "IsolationType": "Full"}'\n${ISOLATE.replace('json=', 'data=')}`,
    findings: [['wrong-case', '"comment"']],
    fixed: `body = r'{"Comment": "C:\\temp", "IsolationType": "Full"}'\n${ISOLATE.replace('json=', 'data=')}`,
  },
  {
    name: 'values: True, False, None, numbers, and unknown names, calls, attributes and f-strings',
    text: [
      'body = {',
      '    "indicatorValue": sha1, "indicatorType": "FileSha1", "Action": "Alert", "title": f"{name}",',
      '    "description": describe(x), "severity": cfg.severity, "generateAlert": True, "rbacGroupNames": None,',
      '}',
      'requests.post(f"{BASE}/api/indicators", json=body)',
    ].join('\n'),
    findings: [['wrong-case', '"Action"']],
    fixed: [
      'body = {',
      '    "indicatorValue": sha1, "indicatorType": "FileSha1", "action": "Alert", "title": f"{name}",',
      '    "description": describe(x), "severity": cfg.severity, "generateAlert": True, "rbacGroupNames": None,',
      '}',
      'requests.post(f"{BASE}/api/indicators", json=body)',
    ].join('\n'),
  },
  {
    name: 'a body built in steps within one function',
    text: [
      'def isolate(mid, reason):',
      '    body = {}',
      '    body["comment"] = reason',
      "    body.update(isolationType='full')",
      '    return requests.post(f"{BASE}/api/machines/{mid}/isolate", json=body)',
    ].join('\n'),
    findings: [
      ['wrong-case', '"comment"'],
      ['wrong-case', 'isolationType'],
      ['invalid-value', "'full'"],
    ],
    fixed: [
      'def isolate(mid, reason):',
      '    body = {}',
      '    body["Comment"] = reason',
      "    body.update(IsolationType='Full')",
      '    return requests.post(f"{BASE}/api/machines/{mid}/isolate", json=body)',
    ].join('\n'),
  },
  {
    name: 'steps through update({…}) and |=',
    text: [
      'def tag(mid):',
      '    body = dict(value="vip")',
      "    body.update({'action': 'add'})",
      '    return requests.post(f"{BASE}/api/machines/{mid}/tags", json=body)',
    ].join('\n'),
    findings: [
      ['wrong-case', 'value'],
      ['wrong-case', "'action'"],
      ['invalid-value', "'add'"],
    ],
    fixed: [
      'def tag(mid):',
      '    body = dict(Value="vip")',
      "    body.update({'Action': 'Add'})",
      '    return requests.post(f"{BASE}/api/machines/{mid}/tags", json=body)',
    ].join('\n'),
  },
];

describe('Python bodies: every form', () => {
  for (const form of FORMS) {
    describe(form.name, () => {
      it('reports each mis-cased token at its exact span', async () => {
        assert.deepEqual(spansOf(form.text, await pythonFindings(form.text)), form.findings);
      });

      it('fix-all writes each token in its own quoting', async () => {
        assert.equal(await fixAllPython(form.text), form.fixed);
      });

      it('fix-all a second time changes nothing, and the fixed body is clean', async () => {
        const findings = await pythonFindings(form.fixed);
        assert.deepEqual(fixAllEdits(findings), []);
        assert.deepEqual(
          spansOf(form.fixed, findings),
          form.findings.filter(([code]) => code === 'unknown-parameter').map(([code, span]) => [code, span]),
        );
      });
    });
  }
});
