// Reproducibility: the same seed gives byte-identical outputs (kpis.csv, kpis.parquet, run.json); so do 1 and 2
// workers, and 3 shards merged. Different seeds give different runs (the streams really are per run). Uses the worker pool's compiled worker (dist/, built by
// `npm test`'s pretest).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeShards } from "../../sim/economy/output.js";
import { runScenario } from "../../sim/economy/run.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { scenarioPath, tempDir } from "./helpers.js";

const SET = ["steps=9", "runs=3", "output.formats=[csv, parquet]"];
const FILES = ["kpis.csv", "kpis.parquet", "run.json"];
const bytes = (dir: string, f: string): Buffer => readFileSync(join(dir, f));
/** Every output file of `a` has the bytes of the same file in `b`. */
const expectSameOutputs = (a: string, b: string): void => {
  for (const f of FILES) expect({ f, same: bytes(a, f).equals(bytes(b, f)) }).toEqual({ f, same: true });
};

async function run(label: string, opts: { workers?: number; shard?: string; set?: string[] } = {}): Promise<string> {
  const out = join(tempDir(label), "out");
  await runScenario(scenarioPath("smoke"), {
    out,
    report: false,
    workers: 1,
    ...opts,
    set: [...SET, ...(opts.set ?? [])],
  });
  return out;
}

describe("reproducible simulation outputs", () => {
  it("same seed → byte-identical kpis.csv, kpis.parquet and run.json; another seed → different numbers", async () => {
    const a = await run("a");
    const b = await run("b");
    expectSameOutputs(a, b);
    const csv = bytes(a, "kpis.csv").toString();
    expect(csv.split("\n")[0]).toBe("scenario,param_set_id,run,seed,step,time,metric,value,weight");
    expect(csv).toContain(",escrow.leases_created,");
    const c = await run("c", { set: ["seed=8"] });
    expect(bytes(c, "kpis.csv").equals(bytes(a, "kpis.csv"))).toBe(false);
    expect(bytes(c, "kpis.parquet").equals(bytes(a, "kpis.parquet"))).toBe(false);
  });

  it.skipIf(!existsSync(join(repoRoot(), "dist", "sim", "economy", "worker.js")))(
    "1 worker and 2 workers write the same bytes",
    async () => {
      const one = await run("w1", { workers: 1 });
      const two = await run("w2", { workers: 2 });
      expectSameOutputs(two, one);
    },
  );

  it.skipIf(!existsSync(join(repoRoot(), "dist", "sim", "economy", "worker.js")))(
    "stratified sampling: 1 and 2 workers write the same bytes, and it draws differently from iid",
    async () => {
      const set = ["params.behaviour.tenants.sampling=stratified"];
      const one = await run("s1", { workers: 1, set });
      const two = await run("s2", { workers: 2, set });
      expectSameOutputs(two, one);
      const iid = await run("s-iid", { workers: 1 });
      expect(bytes(iid, "kpis.csv").equals(bytes(one, "kpis.csv"))).toBe(false);
    },
  );

  it("3 shards merged write the same bytes as one run", async () => {
    const whole = await run("whole");
    const shards: string[] = [];
    for (let i = 1; i <= 3; i++) shards.push(await run(`shard${i}`, { shard: `${i}/3` }));
    // each shard holds only its slice
    for (const s of shards)
      for (const f of ["kpis.csv", "kpis.parquet"]) expect(bytes(s, f).length).toBeLessThan(bytes(whole, f).length);
    const merged = join(tempDir("merged"), "out");
    mergeShards(merged, [shards[2]!, shards[0]!, shards[1]!]);
    expectSameOutputs(merged, whole);
    expect(() => {
      mergeShards(join(tempDir("partial"), "out"), [shards[0]!, shards[1]!]);
    }).toThrow(/the shards hold 2 of 3 runs: some shard is missing/);
  });

  it("a failing run records its error and partial results; the others go on", async () => {
    // A price shock to 1e308 × the price overflows the Pyth price field at step 3: the relayer throws, the run stops
    // there with its first three steps recorded, and the batch still writes every run's outputs.
    const out = join(tempDir("fail"), "out");
    const res = await runScenario(scenarioPath("smoke"), {
      out,
      report: false,
      workers: 1,
      set: [...SET, "events=[{at: 3, kind: price_shock, factor: 1e308}]"],
    });
    expect(res.failedRuns).toBe(3);
    const side = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as {
      runs: { error?: string; steps_done: number }[];
    };
    expect(side.runs.map((r) => r.steps_done)).toEqual([3, 3, 3]);
    for (const r of side.runs) expect(r.error).toMatch(/BigInt/);
    const steps = new Set(
      bytes(out, "kpis.csv")
        .toString()
        .split("\n")
        .slice(1, -1)
        .map((l) => l.split(",")[4]),
    );
    expect([...steps].sort()).toEqual(["0", "1", "2"]);
  });
});
