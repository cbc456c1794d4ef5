// `npm run bench [-- --localnode] [-- --calls N] [-- --accounts 1000,10000,100000] [-- --only scale|gas|throughput|sim] [-- --sim-full]`: prints the
// project's speed and size figures.
// Figures, not assertions: sizes of every artifact (raw and gzip), executes per second of the embedded chain beside
// @oraichain/cw-simulate on the same probe wasm in the same run, contract-specific throughput, and with
// --localnode the gas wasmd charges for each measured call; escrow entry-point rates at growing state sizes and the
// cost of forking the largest state (add 1000000 to --accounts for a million accounts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { repoRoot } from "./lib/repo-root.js";
import { benchProbeThroughput, type Throughput } from "./bench/probe.js";
import { benchContracts, type GasFigure } from "./bench/contracts.js";
import { benchEscrowScale, formatEscrowScale } from "./bench/escrow-scale.js";
import { benchSim } from "./bench/sim.js";

function formatInt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "))
    .join("\n");
}

function printSizes(): void {
  const files: string[] = [];
  const artifacts = join(repoRoot(), "artifacts");
  if (existsSync(artifacts)) {
    for (const f of readdirSync(artifacts).sort()) if (f.endsWith(".wasm")) files.push(join("artifacts", f));
  }
  for (const name of ["probe", "counter"]) {
    const file = join("build", "test", `${name}.wasm`);
    if (existsSync(join(repoRoot(), file))) files.push(file);
  }
  if (files.length === 0) throw new Error("no wasm found: run `npm run build` first");
  const rows = [["wasm", "bytes", "gzip bytes"]];
  for (const f of files) {
    const bytes = readFileSync(join(repoRoot(), f));
    rows.push([f, formatInt(bytes.length), formatInt(gzipSync(bytes, { level: 9 }).length)]);
  }
  console.log("## Sizes\n" + table(rows) + "\n");
}

function printThroughput(results: Throughput[]): void {
  const rows = [["backend (`increment`)", "calls", "seconds", "calls/s", "CPU µs/call"]];
  for (const r of results) {
    const cpuMicros = ((r.cpuSeconds / r.calls) * 1e6).toFixed(1);
    rows.push([r.backend, formatInt(r.calls), r.seconds.toFixed(3), formatInt(r.callsPerSecond), cpuMicros]);
  }
  console.log("## Embedded chain throughput\n" + table(rows));
  const ours = results.find((r) => r.backend.startsWith("akash-econ") && r.backend.endsWith("counter"));
  const theirs = results.find((r) => r.backend.startsWith("cw-simulate"));
  if (ours && theirs) {
    console.log(
      `ratio akash-econ / cw-simulate (same counter wasm): ${(ours.callsPerSecond / theirs.callsPerSecond).toFixed(2)}x by wall time, ${(theirs.cpuSeconds / ours.cpuSeconds).toFixed(2)}x by CPU time\n`,
    );
  }
}

/**
 * Every call of the equivalence suites, wasmd's gasUsed beside the embedded chain's, as the suites recorded them
 * (test/helpers/gas-compare.ts writes .cache/gas-table/<suite>.json on each real-chain run).
 */
function printGasTable(): void {
  const dir = join(repoRoot(), ".cache", "gas-table");
  const suites = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
  console.log("## Gas: embedded chain vs wasmd (every call of the equivalence suites)");
  if (suites.length === 0) {
    console.log("(no recorded run: `npx vitest run test/equivalence` with wasmd available)\n");
    return;
  }
  const rows = [["suite", "call", "wasmd", "embedded", "diff", "diff %"]];
  let worst = 0;
  let exact = 0;
  let total = 0;
  for (const f of suites) {
    const suite = f.replace(/\.json$/, "");
    const recorded = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
      name: string;
      wasmd: string;
      embedded: string;
      diff: string;
    }[];
    for (const r of recorded) {
      const pct = r.diff === "-" ? NaN : (100 * Number(r.diff)) / Number(r.wasmd);
      if (!Number.isNaN(pct)) {
        worst = Math.max(worst, Math.abs(pct));
        total++;
        if (r.diff === "0") exact++;
      }
      rows.push([suite, r.name, r.wasmd, r.embedded, r.diff, Number.isNaN(pct) ? "-" : pct.toFixed(3)]);
    }
  }
  console.log(table(rows));
  console.log(`${total} calls, ${exact} exact, largest difference ${worst.toFixed(3)}%\n`);
}

function printGas(figures: GasFigure[]): void {
  const rows = [["call", "embedded gas", "embedded memory (KiB)", "wasmd gas used"]];
  for (const f of figures) {
    rows.push([
      f.call,
      f.embeddedGas === undefined ? "-" : formatInt(f.embeddedGas),
      f.embeddedMemory === undefined ? "-" : formatInt(Math.ceil(f.embeddedMemory / 1024)),
      f.wasmdGas === undefined ? "-" : formatInt(f.wasmdGas),
    ]);
  }
  console.log("## Gas per call\n" + table(rows) + "\n");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      localnode: { type: "boolean", default: false },
      calls: { type: "string", default: "2000" },
      accounts: { type: "string", default: "1000,10000,100000" },
      "scale-calls": { type: "string", default: "1000" },
      only: { type: "string" },
      "sim-full": { type: "boolean", default: false },
      help: { type: "boolean" },
    },
  });
  if (values.help === true) {
    console.log(
      "usage: npm run bench [-- --localnode] [-- --calls N] [-- --accounts N,N,…] [-- --scale-calls N] [-- --only scale|gas|throughput|sim] [-- --sim-full]",
    );
    return 0;
  }
  const calls = Number.parseInt(values.calls, 10);
  if (!Number.isSafeInteger(calls) || calls <= 0) {
    console.error("--calls must be a positive integer");
    return 2;
  }
  const sizes = values.accounts.split(",").map((s) => Number.parseInt(s, 10));
  const scaleCalls = Number.parseInt(values["scale-calls"], 10);
  if (
    sizes.some((n) => !Number.isSafeInteger(n) || n < scaleCalls) ||
    !Number.isSafeInteger(scaleCalls) ||
    scaleCalls <= 0
  ) {
    console.error("--accounts must list sizes of at least --scale-calls (a positive integer) each");
    return 2;
  }
  if (values.only !== undefined && !["scale", "gas", "throughput", "sim"].includes(values.only)) {
    console.error("--only takes `scale`, `gas`, `throughput` or `sim`");
    return 2;
  }
  if (values.only === "sim") {
    for (const line of await benchSim(values["sim-full"])) console.log(line);
    return 0;
  }
  if (values.only === "gas") {
    printGasTable();
    return 0;
  }
  if (values.only === "throughput") {
    printThroughput(await benchProbeThroughput(calls));
    return 0;
  }
  if (values.only === undefined) {
    printSizes();
    printThroughput(await benchProbeThroughput(calls));
    printGasTable();
  }
  console.log(
    formatEscrowScale(
      await benchEscrowScale(
        [...sizes].sort((a, b) => a - b),
        scaleCalls,
      ),
      table,
    ),
  );
  if (values.only === "scale") return 0;

  const out = await benchContracts({ localnode: values.localnode });
  for (const line of out.lines) console.log(line);
  printGas(out.gas);
  if (!values.localnode) console.log("(wasmd gas: run `npm run bench -- --localnode`)");
  console.log("");
  for (const line of await benchSim(values["sim-full"])) console.log(line);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
