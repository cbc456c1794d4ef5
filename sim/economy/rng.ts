// Seeded randomness. Every (param set, run) gets its own stream derived from the scenario's master seed by hashing
// (a counter-based derivation), so a run's numbers do not depend on which worker or shard runs it, nor on the runs
// before it. The generator is sfc32 (Doug's Small Fast Counting generator, period ≥ 2^32, passes PractRand), on
// 32-bit integers so it is exact and identical on every platform.
import { createHash } from "node:crypto";

/** The seed of run `run` of parameter set `paramSetId`: the first 8 hex digits of sha256(master/param_set/run). */
export function deriveSeed(master: number, paramSetId: number, run: number): number {
  const h = createHash("sha256").update(`akash-econ sim/${master}/${paramSetId}/${run}`).digest();
  return h.readUInt32BE(0);
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream for `seed`, optionally a named sub-stream (each agent draws from its own, so adding one agent's draws
   * does not shift another's). */
  constructor(seed: number, stream = "") {
    const h = createHash("sha256")
      .update(`rng/${seed >>> 0}/${stream}`)
      .digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12) | 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1), 53 bits. */
  uniform(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in (0, 1]: safe for logarithms. */
  private open(): number {
    return 1 - this.uniform();
  }

  /** Standard normal (Box–Muller, one value per call: no cached state to make streams order-dependent). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(this.open())) * Math.cos(2 * Math.PI * this.uniform());
  }

  exponential(rate: number): number {
    return -Math.log(this.open()) / rate;
  }

  /** Poisson(λ): Knuth's product method for small λ, a rounded normal approximation above 60. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** A key of `weights` with probability proportional to its weight (keys in the given order). */
  pick(weights: Readonly<Record<string, number>>): string {
    const keys = Object.keys(weights);
    const total = keys.reduce((s, k) => s + (weights[k] ?? 0), 0);
    let u = this.uniform() * total;
    for (const k of keys) {
      u -= weights[k] ?? 0;
      if (u < 0) return k;
    }
    return keys[keys.length - 1]!;
  }
}
