/**
 * Gas of the same calls on wasmd and on the embedded chain, compared call by call. Every equivalence suite records
 * its pairs under `.cache/gas-table/<suite>.json`, which `npm run bench` prints as the gas table.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { cacheDir } from "../../scripts/localnode/paths.js";
import type { GasRecord } from "./equivalence.js";

/** The acceptance bound: every call within ±1% of wasmd's gasUsed. */
export const GAS_TOLERANCE = 0.01;

export interface GasRow {
  name: string;
  wasmd: string;
  embedded: string;
  /** embedded − wasmd */
  diff: string;
}

export function gasTablePath(suite: string): string {
  return join(cacheDir(), "gas-table", `${suite}.json`);
}

/** Pairs the two runs' records by position (same script, same steps), saves them, and checks each within tolerance. */
export function compareGas(suite: string, real: readonly GasRecord[], embedded: readonly GasRecord[]): GasRow[] {
  const rows: GasRow[] = real.map((r, i) => {
    const e = embedded[i];
    return {
      name: r.name,
      wasmd: r.gasUsed.toString(),
      embedded: e === undefined ? "-" : e.gasUsed.toString(),
      diff: e === undefined ? "-" : (e.gasUsed - r.gasUsed).toString(),
    };
  });
  mkdirSync(join(cacheDir(), "gas-table"), { recursive: true });
  writeFileSync(gasTablePath(suite), JSON.stringify(rows, null, 1));
  expect(embedded.map((g) => g.name)).toEqual(real.map((g) => g.name));
  for (const [i, r] of real.entries()) {
    const e = embedded[i]!.gasUsed;
    const bound = (Number(r.gasUsed) * GAS_TOLERANCE) | 0;
    expect(
      Math.abs(Number(e - r.gasUsed)),
      `${r.name}: embedded ${e} vs wasmd ${r.gasUsed} (bound ±${bound})`,
    ).toBeLessThanOrEqual(bound);
  }
  return rows;
}
