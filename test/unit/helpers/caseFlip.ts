/** Drawing another letter case of a parameter name, for the property tests of fixes. */
import fc from 'fast-check';

/** fast-check's `fc.gen()` drawer, as the properties receive it. */
export type Draw = <T>(arbitrary: fc.Arbitrary<T>) => T;

/** Another letter case of `name`, unless it would be one of the `accepted` spellings. */
export function flippedCase(draw: Draw, name: string, accepted: readonly string[]): string | undefined {
  const letters = [...name];
  const toggles = draw(fc.array(fc.boolean(), { minLength: letters.length, maxLength: letters.length }));
  let flipped = letters.map((ch, i) => (toggles[i] ? (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) : ch)).join('');
  if (flipped === name) {
    flipped = (name[0] === name[0].toUpperCase() ? name[0].toLowerCase() : name[0].toUpperCase()) + name.slice(1);
  }
  return flipped === name || accepted.includes(flipped) ? undefined : flipped;
}
