import * as assert from 'node:assert/strict';
import { mayHoldDefenderBodies } from '../../../src/core/scripts/precheck';

describe('the pre-check that spares unrelated scripts a parse', () => {
  it('passes a script that names a Defender host, an mde: directive or a distinctive parameter name', () => {
    assert.equal(mayHoldDefenderBodies('$uri = "https://api.securitycenter.microsoft.com/api/machines"'), true);
    assert.equal(mayHoldDefenderBodies('url = "https://api.security.microsoft.com/api/alerts"'), true);
    assert.equal(mayHoldDefenderBodies('# mde: POST /api/machines/{id}/isolate'), true);
    assert.equal(mayHoldDefenderBodies("const body = { IsolationType: 'Full' };"), true);
    assert.equal(mayHoldDefenderBodies("body = {'application': 'Contoso'}"), true);
  });

  it('spares a script whose only API-like words are common ones or a media type', () => {
    assert.equal(mayHoldDefenderBodies("$body = @{ comment = 'x'; status = 'open' }"), false);
    // Every script that sends JSON writes application/json; it is not the submit-indicator parameter.
    assert.equal(mayHoldDefenderBodies("headers = {'Content-Type': 'application/json', 'Accept': 'application/json'}"), false);
  });
});
