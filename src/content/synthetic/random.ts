/**
 * Seeded randomness for the synthetic archive. `Math.random` cannot be replayed, so
 * a benchmark run could never be repeated or a failing article regenerated; sfc32
 * (seeded through splitmix32) is tiny, fast, passes the usual statistical batteries
 * and uses only 32-bit integer arithmetic, so it gives the same stream on every
 * platform and Node version.
 */
export class Random {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number) {
    const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
    // Both halves of a seed up to 2^53 matter, so seeds 1 and 2^32 + 1 differ.
    let x = (s >>> 0) ^ Math.imul(Math.floor(s / 4294967296) >>> 0, 0x9e3779b1);
    const mix = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.seedState(mix(), mix(), mix(), mix());
  }

  /** [0, 1) */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** integer in [min, max] inclusive */
  int(min: number, max: number): number {
    return min + Math.floor((this.uint32() / 4294967296) * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.uint32() / 4294967296 < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Random.pick: no items to pick from');
    return items[Math.floor((this.uint32() / 4294967296) * items.length)];
  }

  /** A new independent generator derived from this one (for sub-streams). */
  fork(): Random {
    const child = new Random(0);
    child.seedState(this.uint32(), this.uint32() ^ 0x5bd1e995, this.uint32(), this.uint32() | 1);
    return child;
  }

  private seedState(a: number, b: number, c: number, d: number): void {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // Discard the first outputs so nearby seeds have diverged before anyone reads them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  private uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
}

/** Draws 0..n-1 with P(k) proportional to 1/(k+1)^s; O(log n) per draw (cumulative table + binary search). */
export function zipf(n: number, s: number): (random: Random) => number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`zipf: n must be a positive integer, got ${n}`);
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / Math.pow(k + 1, s);
    cumulative[k] = total;
  }
  // A guide table narrows each search to the few entries one bucket of u can land on, so
  // the popular head of the distribution is found in a step or two rather than log2(n).
  const buckets = Math.min(1 << 16, Math.max(16, n * 2));
  const guide = new Uint32Array(buckets + 1);
  for (let b = 0, k = 0; b <= buckets; b++) {
    const edge = (b / buckets) * total;
    while (k < n - 1 && cumulative[k] <= edge) k++;
    guide[b] = k;
  }
  return (random) => {
    const x = random.next() * buckets;
    const b = Math.floor(x);
    const u = (x / buckets) * total;
    let lo = guide[b];
    let hi = guide[b + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
