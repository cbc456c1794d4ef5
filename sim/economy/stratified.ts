// Stratified sampling (randomised quasi-Monte Carlo) for the tenants' draws, an option next to plain i.i.d. draws.
// Every draw still has the same distribution and the same expectation as its i.i.d. counterpart — the per-run random
// shift makes each point uniform on the unit cube (Cranley & Patterson 1976; Owen, "Monte Carlo theory, methods and
// examples") — but the points of a run fill the cube evenly instead of clumping, so a run's averages sit much
// closer to their expectation. Used where a small simulated sample (scale 0.01) stands for a large real one.
import type { Rng } from "./rng.js";

/** Counts per step by systematic rounding: the cumulative count follows the cumulative expectation to within one,
 * with a per-run uniform offset so that each step's count has exactly the expected mean (no Poisson noise). */
export class Quota {
  private total = 0;
  constructor(private readonly offset: number) {}

  next(expected: number): number {
    const before = Math.floor(this.total + this.offset);
    this.total += Math.max(0, expected);
    return Math.floor(this.total + this.offset) - before;
  }
}

/** φ_d, the positive root of x^(d+1) = x + 1 (the golden ratio for d = 1), by Newton's method. */
function harmonious(d: number): number {
  let x = 2;
  for (let i = 0; i < 60; i++) x -= (Math.pow(x, d + 1) - x - 1) / ((d + 1) * Math.pow(x, d) - 1);
  return x;
}

/** A randomly shifted Kronecker (R_d) sequence: point k is frac(shift + k·α) with α_j = φ_d^−(j+1) (Roberts 2018,
 * "The unreasonable effectiveness of quasirandom sequences"; the golden-ratio rotation in one dimension). The
 * components of α are rationally independent, so the points fill the d-cube evenly in every dimension jointly. */
export class Kronecker {
  private readonly alpha: number[];
  private readonly shift: number[];
  private k = 0;

  constructor(dims: number, rng: Rng) {
    const phi = harmonious(dims);
    this.alpha = Array.from({ length: dims }, (_, j) => Math.pow(1 / phi, j + 1) % 1);
    this.shift = Array.from({ length: dims }, () => rng.uniform());
  }

  /** The next point, each coordinate in [0, 1). */
  next(): number[] {
    const k = this.k++;
    return this.alpha.map((a, j) => {
      const x = (this.shift[j]! + k * a) % 1;
      return x < 0 ? x + 1 : x;
    });
  }
}

/** Standard normal quantile Φ⁻¹(u) for u in (0, 1) (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(u: number): number {
  const p = Math.min(1 - 1e-16, Math.max(1e-16, u));
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const tail = (q: number): number =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < low) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - low) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** The key of `weights` whose cumulative share contains u·total (keys in the given order): the inverse CDF that
 * `Rng.pick` applies to its own uniform. */
export function pickAt(weights: Readonly<Record<string, number>>, u: number): string {
  const keys = Object.keys(weights);
  const total = keys.reduce((s, k) => s + (weights[k] ?? 0), 0);
  let x = u * total;
  for (const k of keys) {
    x -= weights[k] ?? 0;
    if (x < 0) return k;
  }
  return keys[keys.length - 1]!;
}
