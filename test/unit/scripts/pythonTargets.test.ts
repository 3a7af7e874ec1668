import * as assert from 'node:assert/strict';
import { analyzePython, fixAllPython, pythonFindings, spansOf } from '../helpers/python';

const BODY = '{"Comment": "x", "IsolationType": "Full"}';

/** The URL the body is matched with, and the operation it names. */
async function targetOf(text: string): Promise<{ url?: string; method?: string; operation?: string; source?: string }> {
  const analysis = await analyzePython(text);
  assert.equal(analysis.bodies.length, 1, `one body in:\n${text}`);
  const [body] = analysis.bodies;
  return { url: body.target?.url, method: body.target?.method, operation: body.operation?.id, source: body.target?.source };
}

interface UrlCase {
  readonly name: string;
  readonly text: string;
  readonly url: string;
}

/** Each way a script writes the URL; every one must reach the isolate operation. */
const URLS: readonly UrlCase[] = [
  {
    name: 'a string literal',
    text: `requests.post("https://api.securitycenter.microsoft.com/api/machines/123/isolate", json=${BODY})`,
    url: 'https://api.securitycenter.microsoft.com/api/machines/123/isolate',
  },
  {
    name: 'an f-string over a module constant',
    text: `BASE = "https://api.security.microsoft.com"\ndef f(mid):\n    requests.post(f"{BASE}/api/machines/{mid}/isolate", json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: '.format(…) with positional and keyword fields',
    text: `URL = "{base}/api/machines/{}/isolate"\nrequests.post(URL.format(mid, base="https://api.security.microsoft.com"), json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: '% formatting',
    text: `requests.post("%s/api/machines/%s/isolate" % ("https://api.security.microsoft.com", mid), json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: 'concatenation with +, and += on the variable',
    text: `url = "https://api.security.microsoft.com/api/machines/" + mid\nurl += "/isolate"\nrequests.post(url, json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: 'urljoin with a path from the root',
    text: `from urllib.parse import urljoin\nrequests.post(urljoin("https://api.security.microsoft.com/x/", f"/api/machines/{mid}/isolate"), json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: 'urllib.parse.urljoin with a relative path',
    text: `import urllib.parse\nrequests.post(urllib.parse.urljoin("https://api.security.microsoft.com/api/", "machines/1/isolate"), json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/1/isolate',
  },
  {
    name: 'posixpath.join',
    text: `import posixpath\nrequests.post(posixpath.join("https://api.security.microsoft.com/api", "machines", mid, "isolate"), json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: 'a class attribute read through self',
    text: `class Client:\n    base = "https://api.security.microsoft.com/api"\n    def isolate(self, mid):\n        requests.post(self.base + f"/machines/{mid}/isolate", json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: 'an attribute set in __init__',
    text: `class Client:\n    def __init__(self, token):\n        self.api = "https://api.security.microsoft.com/api".rstrip("/")\n    def isolate(self, mid):\n        requests.post(f"{self.api}/machines/{mid}/isolate", json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: 'a variable of an enclosing function',
    text: `def outer():\n    api = "https://api.security.microsoft.com/api"\n    def inner(mid):\n        requests.post(api + "/machines/" + mid + "/isolate", json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: 'a module constant assigned below the function that reads it',
    text: `def f(mid):\n    requests.post(f"{API}/machines/{mid}/isolate", json=${BODY})\nAPI = "https://api.security.microsoft.com/api"`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: 'a parameter: an unknown base that may hold the host and /api',
    text: `def f(base_url, mid):\n    requests.post(f"{base_url}/machines/{mid}/isolate", json=${BODY})`,
    url: '{{}}/machines/{{}}/isolate',
  },
  {
    name: 'httpx.Client(base_url=…) and a relative path',
    text: `import httpx\nclient = httpx.Client(base_url="https://api.security.microsoft.com/api")\nclient.post(f"/machines/{mid}/isolate", json=${BODY})`,
    url: 'https://api.security.microsoft.com/api/machines/{{}}/isolate',
  },
  {
    name: "a helper's endpoint relative to a base it keeps elsewhere",
    text: `ISOLATE = "/machines/{machine_id}/isolate"\nself._make_rest_call(ISOLATE.format(machine_id=mid), action_result, method="post", json=${BODY})`,
    url: '{{}}/machines/{{}}/isolate',
  },
];

describe('Python bodies: the URL they are sent to', () => {
  for (const { name, text, url } of URLS) {
    it(`resolves ${name}`, async () => {
      assert.deepEqual(await targetOf(text), { url, method: 'POST', operation: 'isolateMachine', source: 'call' });
    });
  }

  it('does not see a variable assigned in another function', async () => {
    const text = [
      'def setup():',
      '    url = "https://api.security.microsoft.com/api/machines/1/isolate"',
      'def send():',
      '    requests.post(url, json={"comment": "x"})',
    ].join('\n');
    const analysis = await analyzePython(text);
    assert.deepEqual(analysis.findings, []);
    assert.deepEqual(analysis.bodies, []);
  });

  it("reads the function's own assignment before the module's", async () => {
    const text = [
      'url = "https://graph.microsoft.com/v1.0/security/runHuntingQuery"',
      'def send(mid):',
      '    url = f"https://api.security.microsoft.com/api/machines/{mid}/unisolate"',
      '    requests.post(url, json={"comment": "x"})',
    ].join('\n');
    assert.deepEqual(spansOf(text, await pythonFindings(text)), [['wrong-case', '"comment"']]);
  });

  it('leaves a name read before the function assigns it unknown', async () => {
    const text = [
      'url = "https://api.security.microsoft.com/api/machines/1/unisolate"',
      'def send():',
      '    requests.post(url, json={"comment": "x"})',
      '    url = "https://graph.microsoft.com/v1.0/me"',
    ].join('\n');
    assert.deepEqual(await pythonFindings(text), []);
  });

  it('follows the value in force at the send, not a later one', async () => {
    const text = [
      'url = "https://api.security.microsoft.com/api/machines/1/unisolate"',
      'requests.post(url, json={"comment": "x"})',
      'url = "https://graph.microsoft.com/v1.0/me"',
    ].join('\n');
    assert.deepEqual(spansOf(text, await pythonFindings(text)), [['wrong-case', '"comment"']]);
  });

  for (const [host, url] of [
    ['Microsoft Graph', 'https://graph.microsoft.com/v1.0/security/runHuntingQuery'],
    ['Azure Resource Manager', 'https://management.azure.com/subscriptions/1/providers/Microsoft.SecurityInsights/incidents/2'],
    ['Log Analytics (Sentinel)', 'https://api.loganalytics.io/v1/workspaces/1/query'],
  ]) {
    it(`reports nothing for a body sent to ${host}`, async () => {
      const text = `requests.post("${url}", json={"query": "DeviceInfo", "comment": "x", "isolationType": "full"})`;
      const analysis = await analyzePython(text);
      assert.deepEqual(analysis.findings, []);
      assert.deepEqual(analysis.bodies, []);
    });
  }

  it('reports nothing when the URL has no literal path at all', async () => {
    const text = 'def send(base, path):\n    requests.post(f"{base}/{path}", json={"query": "x"})';
    assert.deepEqual(await pythonFindings(text), []);
  });

  it('gives the hover the URL argument and the method name token', async () => {
    const text = `session.patch(f"{API}/alerts/{alert_id}", json={"status": "Resolved"})\nAPI = "https://api.security.microsoft.com/api"`;
    const [body] = (await analyzePython(text)).bodies;
    assert.equal(body.operation?.id, 'updateAlert');
    assert.equal(text.slice(body.target!.urlSpan!.start, body.target!.urlSpan!.end), 'f"{API}/alerts/{alert_id}"');
    assert.equal(text.slice(body.target!.methodSpan!.start, body.target!.methodSpan!.end), 'patch');
  });
});

describe('Python bodies: which call sends them', () => {
  const url = 'f"https://api.security.microsoft.com/api/machines/{mid}/isolate"';

  const SENDS: readonly [string, string][] = [
    ['requests.put', `requests.put(${url}, json=${BODY})`],
    ['a requests.Session() variable', `s = requests.Session()\ns.post(${url}, json=${BODY})`],
    ['with requests.Session() as s', `with requests.Session() as s:\n    s.post(${url}, json=${BODY})`],
    ['self.session = requests.Session()', `class C:\n    def __init__(self):\n        self.session = requests.Session()\n    def go(self, mid):\n        self.session.post(${url}, json=${BODY})`],
    ['httpx.post', `httpx.post(${url}, json=${BODY})`],
    ['httpx.AsyncClient()', `async def go(mid):\n    client = httpx.AsyncClient()\n    await client.post(${url}, json=${BODY})`],
    ['async with aiohttp.ClientSession() as s', `async def go(mid):\n    async with aiohttp.ClientSession() as s:\n        async with s.post(${url}, json=${BODY}) as r:\n            return await r.json()`],
    ['an import alias', `import requests as rq\nrq.post(${url}, json=${BODY})`],
    ['from requests import post', `from requests import post\npost(${url}, json=${BODY})`],
    ['requests.request("POST", …)', `requests.request("POST", ${url}, json=${BODY})`],
    ['request(method=…, url=…)', `s = requests.Session()\ns.request(method="post", url=${url}, json=${BODY})`],
    ['an unknown client object', `client.post(url=${url}, json=${BODY})`],
  ];

  for (const [name, text] of SENDS) {
    it(`reads ${name}`, async () => {
      const target = await targetOf(text);
      assert.equal(target.operation, 'isolateMachine');
      assert.equal(target.url, 'https://api.security.microsoft.com/api/machines/{{}}/isolate');
      assert.equal(target.method, name === 'requests.put' ? 'PUT' : 'POST');
    });
  }

  it('reports a body sent with GET on the method name', async () => {
    const text = `requests.get(${url}, json=${BODY})`;
    assert.deepEqual(spansOf(text, await pythonFindings(text)), [['body-on-get', 'get']]);
  });

  it('reports a wrong method on the method name', async () => {
    const text = `requests.put(${url}, json=${BODY})`;
    const findings = await pythonFindings(text);
    assert.deepEqual(spansOf(text, findings), [['wrong-method', 'put']]);
    assert.equal(findings[0].args.expected, 'POST');
  });

  it('reports a wrong method written as a string', async () => {
    const text = `requests.request("GET", ${url}, json=${BODY})`;
    assert.deepEqual(spansOf(text, await pythonFindings(text)), [['body-on-get', '"GET"']]);
  });

  it('reads the body from json.dumps(…) given to data=', async () => {
    const text = `requests.post(${url}, data=json.dumps({"comment": "x"}))`;
    assert.deepEqual(spansOf(text, await pythonFindings(text)), [['wrong-case', '"comment"']]);
  });

  it('reads the body from a helper that sends it (by its name, a method or a URL argument)', async () => {
    const text = `def isolate(self, mid):\n    return self._send_request(${url}, json=${BODY.replace('Comment', 'comment')})`;
    assert.deepEqual(spansOf(text, await pythonFindings(text)), [['wrong-case', '"comment"']]);
  });

  it('infers the operation from the keys of a body serialized for a send the script does not show', async () => {
    const text = 'payload = json.dumps({"comment": "x", "isolationType": "Full"})\nqueue.put(payload)';
    const findings = await pythonFindings(text);
    assert.deepEqual(spansOf(text, findings), [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"isolationType"'],
    ]);
    assert.equal(findings[0].args.inferred, 'isolateMachine');
  });
});

describe('Python bodies: the # mde: directive', () => {
  it('names the operation above the literal', async () => {
    const text = '# mde: POST /api/machines/{id}/isolate\nbody = {"comment": "x", "IsolationType": "Full"}';
    assert.deepEqual(await targetOf(text), { url: '/api/machines/{id}/isolate', method: 'POST', operation: 'isolateMachine', source: 'directive' });
  });

  it('names the operation above the sending statement, over what the call says', async () => {
    const text = ['body = {"comment": "x"}', '# mde: POST /api/machines/{id}/unisolate', 'send(helper_url, json=body)'].join('\n');
    assert.deepEqual(await targetOf(text), { url: '/api/machines/{id}/unisolate', method: 'POST', operation: 'unisolateMachine', source: 'directive' });
  });

  it('works with other comment lines between', async () => {
    const text = '# mde: POST /api/machines/{id}/unisolate\n# release the machine\nbody = json.loads(\'{"comment": "x"}\')';
    assert.deepEqual(spansOf(text, await pythonFindings(text)), [['wrong-case', '"comment"']]);
  });
});

describe('Python bodies: form-encoded data=', () => {
  it('reports a dict given to data= and renames only the keyword', async () => {
    const text = 'body = {"Comment": "x"}\nrequests.post(f"{API}/machines/{mid}/unisolate", data=body, timeout=5)\nAPI = "https://api.security.microsoft.com/api"';
    const findings = await pythonFindings(text);
    assert.deepEqual(spansOf(text, findings), [['form-encoded-body', 'data']]);
    assert.deepEqual(findings[0].fixes?.[0].args, { text: 'json=body' });
    const fixed = await fixAllPython(text);
    assert.equal(fixed, text.replace('data=body', 'json=body'));
    assert.deepEqual(await pythonFindings(fixed), []);
  });

  it('reports a dict given as the second positional argument of requests.post', async () => {
    const text = 'requests.post("https://api.security.microsoft.com/api/machines/1/unisolate", {"Comment": "x"})';
    const findings = await pythonFindings(text);
    assert.deepEqual(spansOf(text, findings), [['form-encoded-body', '{"Comment": "x"}']]);
    assert.equal(await fixAllPython(text), text.replace('{"Comment"', 'json={"Comment"'));
  });

  it('offers no fix when the call already has json=', async () => {
    const text = 'requests.post("https://api.security.microsoft.com/api/machines/1/unisolate", data={"Comment": "x"}, json=None)';
    const findings = await pythonFindings(text);
    assert.deepEqual(spansOf(text, findings), [['form-encoded-body', 'data']]);
    assert.equal(findings[0].fixes, undefined);
  });

  it('says nothing of data= carrying JSON text or json.dumps', async () => {
    const url = '"https://api.security.microsoft.com/api/machines/1/unisolate"';
    for (const text of [`requests.post(${url}, data=json.dumps({"Comment": "x"}))`, `requests.post(${url}, data='{"Comment": "x"}')`]) {
      assert.deepEqual(await pythonFindings(text), [], text);
    }
  });

  it('says nothing of data= for an operation that takes no JSON body', async () => {
    const text = 'requests.post("https://api.security.microsoft.com/api/libraryfiles", data={"Description": "x"}, files=files)';
    assert.deepEqual(await pythonFindings(text), []);
  });
});

describe('Python bodies: completion syntax', () => {
  it('writes properties in the quote style of the dict', async () => {
    const text = "requests.post('https://api.security.microsoft.com/api/machines/1/unisolate', json={'Comment': 'x'})";
    const [body] = (await analyzePython(text)).bodies;
    assert.equal(body.syntax?.property('Comment', '"${1}"'), `'Comment': "\${1}"`);
    assert.equal(body.syntax?.string('Full'), "'Full'");
  });

  it('writes keyword arguments in dict(…)', async () => {
    const text = "requests.post('https://api.security.microsoft.com/api/machines/1/unisolate', json=dict(Comment='x'))";
    const [body] = (await analyzePython(text)).bodies;
    assert.equal(body.syntax?.property('Comment', '"${1}"'), 'Comment="${1}"');
  });

  it('leaves JSON in a string to JSON completion', async () => {
    const text = 'requests.post("https://api.security.microsoft.com/api/machines/1/unisolate", data=\'{"Comment": "x"}\')';
    const [body] = (await analyzePython(text)).bodies;
    assert.equal(body.syntax, undefined);
  });
});
