// `akash-econ sim`: economic simulations with the real contracts in the loop (sim/economy).
//   run <scenario>, merge <out> <shard dirs…>, report <dir>, validate <scenario>, schema
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const HELP = `usage: akash-econ sim <command> [options]

commands:
  run <scenario.yaml>   run every (parameter set, run) of a scenario and write kpis.csv, run.json and report.html
      --format LIST     files of the tidy table: csv (default) or csv,parquet (adds kpis.parquet; = output.formats)
      --runs N          Monte Carlo runs per parameter set (overrides the scenario's runs)
      --seed N          master seed (overrides the scenario's seed)
      --set path=value  override any field (repeatable), e.g. --set params.behaviour.tenants.leases_per_day=40
      --out DIR         output directory (default out/<scenario name>; replaced if it holds an earlier run)
      --workers N       worker threads (default: cores, at most 8; outputs are identical for any N)
      --shard i/n       run only the i-th of n slices of the runs (1 <= i <= n); combine with 'sim merge'
      --chain C         embedded | local (overrides the scenario's chain)
      --no-report       skip the HTML report
  merge <out> <dir>...  combine shard outputs into <out> (the same bytes as one unsharded run, kpis.parquet too if
                        the shards have it) and write the report
  report <dir>          (re)write <dir>/report.html and <dir>/charts/*.svg from kpis.csv and run.json
  validate <scenario>   check a scenario against the schema and print its parameter sets
  schema                print the scenario JSON Schema`;

const fail = (msg: string): number => {
  console.error(`akash-econ sim: ${msg}`);
  return 2;
};

async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      runs: { type: "string" },
      seed: { type: "string" },
      set: { type: "string", multiple: true },
      out: { type: "string" },
      workers: { type: "string" },
      shard: { type: "string" },
      chain: { type: "string" },
      format: { type: "string" },
      "no-report": { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
    },
  });
  if (positionals.length !== 1) return fail("run needs exactly one scenario file");
  const set = [...(values.set ?? [])];
  if (values.runs !== undefined) set.push(`runs=${values.runs}`);
  if (values.seed !== undefined) set.push(`seed=${values.seed}`);
  if (values.chain !== undefined) set.push(`chain=${values.chain}`);
  if (values.format !== undefined) {
    const formats = values.format.split(",");
    const bad = formats.find((f) => f !== "csv" && f !== "parquet");
    if (bad !== undefined) return fail(`--format ${values.format}: '${bad}' is not csv or parquet`);
    if (!formats.includes("csv"))
      return fail(
        `--format ${values.format}: kpis.csv is always written (the report and sim merge read it): csv,parquet`,
      );
    set.push(`output.formats=[${formats.join(",")}]`);
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1))
    return fail(`--workers ${values.workers}: a positive integer`);
  const { runScenario } = await import("../../sim/economy/run.js");
  const res = await runScenario(positionals[0]!, {
    set,
    ...(values.out === undefined ? {} : { out: values.out }),
    ...(workers === undefined ? {} : { workers }),
    ...(values.shard === undefined ? {} : { shard: values.shard }),
    report: values["no-report"] !== true,
    log:
      values.quiet === true
        ? () => undefined
        : (s) => {
            console.log(s);
          },
  });
  return res.failedRuns > 0 ? 1 : 0;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === "--help" || sub === "-h" || sub === "help") {
    console.log(HELP);
    return sub === undefined ? 2 : 0;
  }
  try {
    switch (sub) {
      case "run":
        return await runCommand(rest);
      case "validate": {
        if (rest.length !== 1) return fail("validate needs one scenario file");
        const { defaultRegistry } = await import("../../sim/economy/registry.js");
        const { loadScenario } = await import("../../sim/economy/scenario.js");
        const l = loadScenario(rest[0]!, defaultRegistry());
        console.log(
          `${l.file}: ok — scenario ${l.scenario.name}, ${l.paramSets.length} parameter set(s) × ${l.scenario.runs} run(s), ${l.scenario.steps} steps of ${l.scenario.step}, chain ${l.scenario.chain}`,
        );
        for (const p of l.paramSets)
          if (Object.keys(p.point).length > 0) console.log(`  set ${p.id}: ${JSON.stringify(p.point)}`);
        return 0;
      }
      case "schema": {
        const { defaultRegistry } = await import("../../sim/economy/registry.js");
        const { scenarioSchema } = await import("../../sim/economy/schema.js");
        console.log(JSON.stringify(scenarioSchema(defaultRegistry()), null, 2));
        return 0;
      }
      case "merge": {
        if (rest.length < 2) return fail("merge needs <out> and at least one shard directory");
        const [out, ...dirs] = rest as [string, ...string[]];
        if (resolve(out) !== resolve(dirs[0]!) && existsSync(join(out, "run.json"))) rmSync(out, { recursive: true });
        const { mergeShards } = await import("../../sim/economy/output.js");
        const merged = mergeShards(out, dirs);
        const { writeReport } = await import("../../sim/economy/report.js");
        const report = await writeReport(out);
        const files = Object.keys(merged.outputs).map((f) => join(out, f));
        console.log(`merged ${dirs.length} shard(s) into ${files.join(", ")}\nreport: ${report}`);
        return 0;
      }
      case "report": {
        if (rest.length !== 1) return fail("report needs one output directory");
        const { writeReport } = await import("../../sim/economy/report.js");
        console.log(`report: ${await writeReport(rest[0]!)}`);
        return 0;
      }
      default:
        return fail(`unknown command '${sub}'\n\n${HELP}`);
    }
  } catch (e) {
    const { ScenarioError } = await import("../../sim/economy/scenario.js");
    if (e instanceof ScenarioError) {
      console.error(e.message);
      return 2;
    }
    console.error(`akash-econ sim: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
