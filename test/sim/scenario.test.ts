// Scenario files: what loads (extends, --set, sweep as a cartesian product) and what is refused with a message that
// names the file, the line and the field — before anything is written.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../../sim/economy/registry.js";
import { runScenario } from "../../sim/economy/run.js";
import { mixAt, type MixSchedule } from "../../sim/economy/agents/tenants.js";
import { loadScenario, ScenarioError } from "../../sim/economy/scenario.js";
import { scenarioSchema } from "../../sim/economy/schema.js";
import { deriveSeed, Rng } from "../../sim/economy/rng.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { SMOKE_CHILD, scenarioPath, tempDir, writeScenarios } from "./helpers.js";

const registry = defaultRegistry();

function refused(file: string, set: string[] = []): string {
  try {
    loadScenario(file, registry, { set });
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error(`${file} loaded, but it should have been refused`);
}

describe("scenario loading", () => {
  it("loads every shipped scenario", () => {
    for (const name of ["smoke", "akash-2025"]) {
      const l = loadScenario(scenarioPath(name), registry);
      expect(l.scenario.name).toBe(name);
      expect(l.paramSets.length).toBeGreaterThanOrEqual(1);
    }
  });

  it("extends another file, overrides fields and fills defaults", () => {
    const dir = writeScenarios({
      "child.yaml": `${SMOKE_CHILD}runs: 3\nparams:\n  behaviour:\n    tenants:\n      leases_per_day: 5\n`,
    });
    const l = loadScenario(join(dir, "child.yaml"), registry);
    expect(l.scenario.runs).toBe(3);
    expect((l.scenario.params.behaviour.tenants as { leases_per_day: number }).leases_per_day).toBe(5);
    // inherited from smoke, not overridden
    expect((l.scenario.params.behaviour.tenants as { wallets: number }).wallets).toBe(4);
    expect(l.scenario.name).toBe("child");
    expect(l.files.map((f) => f.split("/").pop())).toEqual(["smoke.yaml", "child.yaml"]);
  });

  it("a sweep is the cartesian product of its lists, in file order", () => {
    const dir = writeScenarios({
      "sweep.yaml": `${SMOKE_CHILD}sweep:\n  params.behaviour.tenants.leases_per_day: [10, 20, 30]\n  params.behaviour.tenants.prepay_hours: [2, 8]\n`,
    });
    const l = loadScenario(join(dir, "sweep.yaml"), registry);
    expect(l.paramSets.map((p) => p.point)).toEqual([
      { "params.behaviour.tenants.leases_per_day": 10, "params.behaviour.tenants.prepay_hours": 2 },
      { "params.behaviour.tenants.leases_per_day": 10, "params.behaviour.tenants.prepay_hours": 8 },
      { "params.behaviour.tenants.leases_per_day": 20, "params.behaviour.tenants.prepay_hours": 2 },
      { "params.behaviour.tenants.leases_per_day": 20, "params.behaviour.tenants.prepay_hours": 8 },
      { "params.behaviour.tenants.leases_per_day": 30, "params.behaviour.tenants.prepay_hours": 2 },
      { "params.behaviour.tenants.leases_per_day": 30, "params.behaviour.tenants.prepay_hours": 8 },
    ]);
    expect((l.paramSets[3]!.scenario.params.behaviour.tenants as { prepay_hours: number }).prepay_hours).toBe(8);
  });

  it("--set overrides any field and is validated like the file", () => {
    const l = loadScenario(scenarioPath("smoke"), registry, { set: ["runs=5", "params.behaviour.providers.count=7"] });
    expect(l.scenario.runs).toBe(5);
    expect((l.scenario.params.behaviour.providers as { count: number }).count).toBe(7);
    expect(refused(scenarioPath("smoke"), ["runs=-1"])).toBe("--set: runs: must be >= 1");
  });

  it("refuses an unknown field, naming file, line and field", () => {
    const dir = writeScenarios({
      "typo.yaml": `${SMOKE_CHILD}params:\n  behaviour:\n    tenants:\n      leases_per_dya: 5\n`,
    });
    expect(refused(join(dir, "typo.yaml"))).toBe(
      `${join(dir, "typo.yaml")}:5: params.behaviour.tenants.leases_per_dya: unknown field`,
    );
  });

  it("refuses a wrong type", () => {
    const dir = writeScenarios({ "type.yaml": `${SMOKE_CHILD}steps: ten\n` });
    expect(refused(join(dir, "type.yaml"))).toBe(`${join(dir, "type.yaml")}:2: steps: must be integer`);
  });

  it("refuses a negative rate", () => {
    const dir = writeScenarios({
      "neg.yaml": `${SMOKE_CHILD}params:\n  behaviour:\n    keepers:\n      settle_every_steps: 2\n    tenants:\n      deployments_per_day: -3\n`,
    });
    const msg = refused(join(dir, "neg.yaml"));
    expect(msg).toContain(
      `${join(dir, "neg.yaml")}:7: params.behaviour.tenants.deployments_per_day: must be >= 0 (no negative rates or counts)`,
    );
  });

  it("an error inherited through extends names the file that holds it", () => {
    const dir = writeScenarios({
      "base.yaml": `${SMOKE_CHILD}params:\n  behaviour:\n    providers:\n      count: 0\n`,
      "top.yaml": `extends: base.yaml\nruns: 1\n`,
    });
    expect(refused(join(dir, "top.yaml"))).toBe(
      `${join(dir, "base.yaml")}:5: params.behaviour.providers.count: must be >= 1`,
    );
  });

  it("refuses a sweep over an unknown parameter", () => {
    const dir = writeScenarios({ "sw.yaml": `${SMOKE_CHILD}sweep:\n  params.behaviour.tenants.arrivals: [1, 2]\n` });
    expect(refused(join(dir, "sw.yaml"))).toMatch(
      new RegExp(
        `^${join(dir, "sw.yaml").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3: sweep\\.params\\.behaviour\\.tenants\\.arrivals: unknown parameter`,
      ),
    );
  });

  it("refuses a sweep value of the wrong type, naming the sweep point", () => {
    const dir = writeScenarios({
      "swt.yaml": `${SMOKE_CHILD}sweep:\n  params.behaviour.tenants.leases_per_day: [1, -2]\n`,
    });
    expect(refused(join(dir, "swt.yaml"))).toContain("(sweep point params.behaviour.tenants.leases_per_day=-2)");
  });

  it("refuses a grant from an unknown program or from a pool that is not discretionary", () => {
    const launch = `  - at: 0
    kind: program_launch
    program:
      name: p
      budget: "1000"
      epoch_hours: 1
      epochs: 2
      grace_hours: 1
      pools: [{ name: grants, discretionary: { budget: "10" } }, { name: lm, liquidity_mining: { per_epoch: "1" } }]
`;
    const grant = (program: string, pool: string) =>
      `  - { at: 1, kind: program_grant, program: ${program}, pool: ${pool}, provider: 0, amount: "5" }\n`;
    const dir = writeScenarios({
      "a.yaml": `${SMOKE_CHILD}events:\n${launch}${grant("q", "grants")}`,
      "b.yaml": `${SMOKE_CHILD}events:\n${launch}${grant("p", "lm")}`,
      "ok.yaml": `${SMOKE_CHILD}events:\n${launch}${grant("p", "grants")}`,
    });
    expect(refused(join(dir, "a.yaml"))).toBe(
      `${join(dir, "a.yaml")}:12: events.1.program: no program_launch named 'q' at or before step 1`,
    );
    expect(refused(join(dir, "b.yaml"))).toBe(
      `${join(dir, "b.yaml")}:12: events.1.pool: 'lm' is not a discretionary pool of 'p'`,
    );
    expect(() => loadScenario(join(dir, "ok.yaml"), registry)).not.toThrow();
  });

  it("refuses events past the end, events of missing mechanisms, GPU types without a price", () => {
    const past = writeScenarios({ "e.yaml": `${SMOKE_CHILD}events:\n  - { at: 99, kind: oracle_outage, steps: 1 }\n` });
    expect(refused(join(past, "e.yaml"))).toContain("events.0.at: step 99 is past the last step (11)");
    const launch = writeScenarios({
      "p.yaml": `${SMOKE_CHILD}params:\n  system:\n    incentives: { enabled: false }\nevents:\n  - { at: 1, kind: program_launch, program: {} }\n`,
    });
    expect(refused(join(launch, "p.yaml"))).toContain(
      "'program_launch' needs the incentives mechanism, which this scenario does not enable",
    );
    const gpu = writeScenarios({
      "g.yaml": `${SMOKE_CHILD}params:\n  behaviour:\n    tenants:\n      gpu_mix: { b200: 1 }\n`,
    });
    expect(refused(join(gpu, "g.yaml"))).toContain(
      "gpu_mix.b200: no price in params.behaviour.providers.prices_usd_per_hour",
    );
  });

  it("a GPU mix by step: validated (steps from 0, increasing, every model priced) and read at each step", () => {
    const mix = (entries: string): string =>
      `${SMOKE_CHILD}params:\n  behaviour:\n    tenants:\n      gpu_mix:\n${entries}`;
    const dir = writeScenarios({
      "ok.yaml": mix("        - { from: 0, value: { cpu: 1 } }\n        - { from: 6, value: { h100: 1 } }\n"),
      "late.yaml": mix("        - { from: 2, value: { cpu: 1 } }\n"),
      "order.yaml": mix("        - { from: 0, value: { cpu: 1 } }\n        - { from: 0, value: { h100: 1 } }\n"),
      "price.yaml": mix("        - { from: 0, value: { cpu: 1 } }\n        - { from: 3, value: { b200: 1 } }\n"),
      "neg.yaml": mix("        - { from: 0, value: { cpu: -1 } }\n"),
    });
    const ok = loadScenario(join(dir, "ok.yaml"), registry).scenario.params.behaviour.tenants as {
      gpu_mix: MixSchedule;
    };
    expect(mixAt(ok.gpu_mix, 0)).toEqual({ cpu: 1 });
    expect(mixAt(ok.gpu_mix, 5)).toEqual({ cpu: 1 });
    expect(mixAt(ok.gpu_mix, 6)).toEqual({ h100: 1 });
    expect(mixAt({ cpu: 0.4, h100: 0.6 }, 99)).toEqual({ cpu: 0.4, h100: 0.6 });
    expect(refused(join(dir, "late.yaml"))).toContain(
      "late.yaml:6: params.behaviour.tenants.gpu_mix.0.from: the first mix must start at step 0 (got 2)",
    );
    expect(refused(join(dir, "order.yaml"))).toContain(
      "params.behaviour.tenants.gpu_mix.1.from: must be after the previous entry's step 0 (got 0)",
    );
    expect(refused(join(dir, "price.yaml"))).toContain(
      "params.behaviour.tenants.gpu_mix.1.value.b200: no price in params.behaviour.providers.prices_usd_per_hour",
    );
    expect(refused(join(dir, "neg.yaml"))).toContain("params.behaviour.tenants.gpu_mix.0.value.cpu: must be >= 0");
  });

  it("a GPU mix by step is what the tenants lease: no H100 income before the switch, some after", async () => {
    const dir = writeScenarios({
      "switch.yaml": `${SMOKE_CHILD}runs: 1\nparams:\n  behaviour:\n    tenants:\n      gpu_mix:\n        - { from: 0, value: { cpu: 1 } }\n        - { from: 6, value: { h100: 1 } }\n`,
    });
    const out = join(tempDir("mix"), "out");
    const res = await runScenario(join(dir, "switch.yaml"), { out, workers: 1, report: false });
    expect(res.failedRuns).toBe(0);
    const rows = readFileSync(join(out, "kpis.csv"), "utf8")
      .split("\n")
      .slice(1, -1)
      .map((l) => l.split(","));
    const income = (gpu: string, before: number): number =>
      rows
        .filter((c) => c[6] === `provider.income.${gpu}.uakt` && Number(c[4]) < before)
        .reduce((m, c) => Math.max(m, Number(c[7])), 0);
    expect(income("h100", 6)).toBe(0);
    expect(income("cpu", 6)).toBeGreaterThan(0);
    expect(income("h100", 99)).toBeGreaterThan(0);
  });

  it("refuses YAML syntax errors and duplicate keys with their line", () => {
    const dir = writeScenarios({ "dup.yaml": `${SMOKE_CHILD}runs: 1\nruns: 2\n` });
    expect(refused(join(dir, "dup.yaml"))).toMatch(new RegExp(`dup\\.yaml:3: YAML: Map keys must be unique`));
  });

  it("a bad scenario or an unreachable chain writes nothing", async () => {
    const out = join(tempDir("bad"), "out");
    const dir = writeScenarios({ "bad.yaml": `${SMOKE_CHILD}runs: 0\n` });
    await expect(runScenario(join(dir, "bad.yaml"), { out })).rejects.toThrow(/runs: must be >= 1/);
    expect(existsSync(out)).toBe(false);
    const prev = process.env.LOCALNODE;
    process.env.LOCALNODE = "off";
    try {
      await expect(runScenario(scenarioPath("smoke"), { out, set: ["chain=local"] })).rejects.toThrow(
        /chain: local is unreachable: LOCALNODE=off/,
      );
    } finally {
      if (prev === undefined) delete process.env.LOCALNODE;
      else process.env.LOCALNODE = prev;
    }
    expect(existsSync(out)).toBe(false);
  });

  it("the committed scenarios/scenario.schema.json is the schema `sim schema` prints", () => {
    const committed = JSON.parse(
      readFileSync(join(repoRoot(), "scenarios", "scenario.schema.json"), "utf8"),
    ) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioSchema(registry))));
  });
});

describe("seeds", () => {
  it("each (param set, run) has its own stream; the same inputs give the same numbers", () => {
    const seeds = new Set<number>();
    for (let ps = 0; ps < 4; ps++) for (let run = 0; run < 50; run++) seeds.add(deriveSeed(9, ps, run));
    expect(seeds.size).toBe(200);
    expect(deriveSeed(9, 1, 2)).toBe(deriveSeed(9, 1, 2));
    const a = new Rng(deriveSeed(9, 1, 2), "tenants");
    const b = new Rng(deriveSeed(9, 1, 2), "tenants");
    const c = new Rng(deriveSeed(9, 1, 2), "price");
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
  });

  it("draws have the intended distributions (sample means within 4 standard errors)", () => {
    const r = new Rng(1, "stats");
    const n = 20_000;
    const mean = (f: () => number): number => Array.from({ length: n }, f).reduce((s, x) => s + x, 0) / n;
    expect(Math.abs(mean(() => r.uniform()) - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(mean(() => r.normal()))).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(mean(() => r.poisson(3)) - 3)).toBeLessThan(4 * Math.sqrt(3 / n));
    expect(Math.abs(mean(() => r.exponential(2)) - 0.5)).toBeLessThan(4 * (0.5 / Math.sqrt(n)));
  });
});
