// Stratified sampling keeps every distribution and expectation of the i.i.d. draws and removes most of their noise.
import { describe, expect, it } from "vitest";
import { Rng } from "../../sim/economy/rng.js";
import { Kronecker, normalQuantile, pickAt, Quota } from "../../sim/economy/stratified.js";

describe("stratified sampling", () => {
  it("normalQuantile inverts the normal CDF at known points", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 7);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 7);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 6);
    expect(normalQuantile(1 - 1e-6)).toBeCloseTo(4.753424308822899, 5);
  });

  it("Quota: each step's count follows the cumulative expectation to within one, total exact up to the offset", () => {
    const q = new Quota(new Rng(7, "t").uniform());
    const rates = [3.7, 0.2, 5.11, 0, 2.09, 8.244];
    let expected = 0;
    let got = 0;
    for (let i = 0; i < 365; i++) {
      const r = rates[i % rates.length]!;
      const n = q.next(r);
      expect(n).toBeGreaterThanOrEqual(Math.floor(r));
      expect(n).toBeLessThanOrEqual(Math.ceil(r));
      expected += r;
      got += n;
      expect(Math.abs(got - expected)).toBeLessThan(1);
    }
  });

  it("Quota: over random offsets a step's mean count is its expectation (no bias from rounding)", () => {
    // offsets on an even grid: the mean over them is the integral over the uniform offset, up to 1/runs
    let sum = 0;
    const runs = 20000;
    for (let i = 0; i < runs; i++) {
      const q = new Quota((i + 0.5) / runs);
      q.next(1.3);
      sum += q.next(0.45);
    }
    expect(Math.abs(sum / runs - 0.45)).toBeLessThan(2 / runs);
  });

  it("Kronecker points fill every dimension evenly: shares of a categorical within a few per thousand", () => {
    const k = new Kronecker(6, new Rng(2025, "k"));
    const mix = { cpu: 0.5244, rtx4090: 0.1427, a100: 0.1189, h100: 0.214 };
    const n = 1240;
    const counts: Record<string, number> = { cpu: 0, rtx4090: 0, a100: 0, h100: 0 };
    const pairs = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const u = k.next();
      for (const x of u) expect(x >= 0 && x < 1).toBe(true);
      const g = pickAt(mix, u[0]!);
      counts[g]!++;
      // joint cells of two coordinates: no dimension is a copy of another
      const cell = `${Math.floor(u[0]! * 4)}.${Math.floor(u[2]! * 4)}`;
      pairs.set(cell, (pairs.get(cell) ?? 0) + 1);
    }
    for (const [g, w] of Object.entries(mix)) expect(Math.abs(counts[g]! / n - w)).toBeLessThan(0.005);
    expect(pairs.size).toBe(16);
    for (const c of pairs.values()) expect(Math.abs(c / n - 1 / 16)).toBeLessThan(0.005);
  });

  it("lognormal durations through the quantile: a run's mean is nearer exp(σ²/2)·median than i.i.d.", () => {
    const sigma = 1.1;
    const exact = Math.exp((sigma * sigma) / 2);
    const n = 1240;
    const err = (seed: number, stratified: boolean): number => {
      const rng = new Rng(seed, "d");
      const k = new Kronecker(6, rng);
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.exp(sigma * (stratified ? normalQuantile(k.next()[2]!) : rng.normal()));
      return Math.abs(s / n / exact - 1);
    };
    let meanStrat = 0;
    let meanIid = 0;
    for (let seed = 0; seed < 40; seed++) {
      meanStrat += err(seed, true) / 40;
      meanIid += err(seed, false) / 40;
    }
    // i.i.d.: the standard error is √(e^σ² − 1)/√n ≈ 4.4 %; the heavy upper tail limits what stratifying gains
    expect(meanStrat).toBeLessThan(0.015);
    expect(meanIid).toBeGreaterThan(2 * meanStrat);
  });

  it("random shifts make each point uniform: a point's mean over shifts is the distribution's mean", () => {
    const rng = new Rng(3, "shift");
    let s = 0;
    const runs = 20000;
    for (let i = 0; i < runs; i++) {
      const k = new Kronecker(6, rng);
      k.next();
      s += k.next()[5]!;
    }
    expect(s / runs).toBeCloseTo(0.5, 2);
  });
});
