import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { partitionPoint } from '../../../src/core/partitionPoint';

describe('partitionPoint', () => {
  it('counts the items before a value in a sorted array, as a walk from the start would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, pivot) => {
        const sorted = [...values].sort((a, b) => a - b);
        const walked = sorted.filter((value) => value <= pivot).length;
        assert.equal(partitionPoint(sorted, (value) => value <= pivot), walked);
        assert.equal(partitionPoint(sorted, (value) => value < pivot), sorted.filter((value) => value < pivot).length);
      }),
    );
  });

  it('answers 0 for an empty array and the length when every item is before', () => {
    assert.equal(partitionPoint([], () => true), 0);
    assert.equal(partitionPoint(new Int32Array([1, 2, 3]), () => true), 3);
  });
});
