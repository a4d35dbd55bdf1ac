// A seeded pseudo-random generator (mulberry32): fuzz tests and benchmarks are repeatable.
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

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/**
 * The seeded linear congruential generator (glibc's constants, modulus 2^31) that the index and check-cache tests and
 * the benchmarks use: a float in [0, 1) per call, the same sequence for the same seed. (Kept as written, in floating
 * point: the product is not exact above 2^53, and the sequences the tests were written against depend on that.)
 */
export function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}
