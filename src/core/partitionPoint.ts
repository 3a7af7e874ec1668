/**
 * How many leading items of `items` satisfy `before`, found by binary search: `before` must hold for
 * a prefix of the array and fail for the rest (offsets in document order, say). Every sorted lookup
 * of the core goes through here, so a long file stays linear however many lookups it makes.
 */
export function partitionPoint<T>(items: ArrayLike<T>, before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(items[middle])) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** Whether [start, end) meets one of `spans`, which are in document order and do not overlap. */
export function meetsAny(spans: readonly { readonly start: number; readonly end: number }[], start: number, end: number): boolean {
  const first = partitionPoint(spans, (span) => span.end <= start);
  return first < spans.length && spans[first].start < end;
}
