/** A seeded PRNG (mulberry32): the corpus must be byte-identical from run to run to compare runs. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  hex(length: number): string {
    // Eight digits per draw: the 50 MB log is mostly hashes and GUIDs.
    let out = '';
    while (out.length < length) {
      out += Math.floor(this.next() * 4294967296)
        .toString(16)
        .padStart(8, '0');
    }
    return out.slice(0, length);
  }

  guid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
  }

  words(min: number, max: number): string {
    const count = this.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      out.push(this.pick(WORDS));
    }
    return out.join(' ');
  }
}

const WORDS = [
  'isolate', 'device', 'after', 'suspicious', 'activity', 'ticket', 'incident', 'review', 'contoso', 'fabrikam',
  'ransomware', 'lateral', 'movement', 'quarantine', 'requested', 'by', 'soc', 'analyst', 'for', 'investigation',
  'the', 'host', 'beaconing', 'to', 'known', 'bad', 'domain', 'on', 'weekend', 'change', 'window',
];
