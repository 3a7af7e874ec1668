import * as assert from 'node:assert/strict';
import { catalogMatcher } from '../../../src/core/catalog/catalog';

describe('operation matcher: placeholder segments', () => {
  it('takes a placeholder for a parameter before it takes it for a literal segment', () => {
    // A script's `$BASE/alerts/$ALERT_ID` is an alert id, not `batchUpdate`.
    assert.equal(catalogMatcher.matchUrl('PATCH', '{{}}/alerts/{{}}').operation?.path, '/api/alerts/{id}');
    const post = catalogMatcher.matchUrl('POST', '{{}}/alerts/{{}}');
    assert.equal(post.operation, undefined);
    assert.deepEqual(post.otherMethods.map((operation) => operation.path), ['/api/alerts/{id}']);
  });

  it('lets a placeholder stand for a literal segment when nothing else fits', () => {
    assert.equal(catalogMatcher.matchUrl('POST', 'https://api.security.microsoft.com/api/machines/{{}}/{{}}').operation, undefined);
    assert.equal(catalogMatcher.matchUrl('POST', 'https://api.security.microsoft.com/api/{{}}/{{}}/isolate').operation?.path, '/api/machines/{id}/isolate');
  });
});
