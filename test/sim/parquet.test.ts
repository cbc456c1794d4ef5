// kpis.parquet: read back with an independent reader (hyparquet) and compared with kpis.csv cell by cell — the same
// columns in the same order, the same rows in the same order, integers as INT64, time as a UTC timestamp, weight as
// DOUBLE and value as the CSV's exact text (coin amounts beyond 2^53 and 2^64 included). run.json lists both files'
// checksums; a default run writes no Parquet.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parquetMetadata, parquetReadObjects, parquetSchema } from "hyparquet";
import { describe, expect, it, vi } from "vitest";
import { run as simCli } from "../../cli/commands/sim.js";
import { CSV_HEADER } from "../../sim/economy/output.js";
import { csvToParquet, PARQUET_FILE } from "../../sim/economy/parquet.js";
import { defaultRegistry } from "../../sim/economy/registry.js";
import { runScenario } from "../../sim/economy/run.js";
import { loadScenario } from "../../sim/economy/scenario.js";
import { scenarioPath, tempDir } from "./helpers.js";

const toBuffer = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Every Parquet row equals its CSV line, column by column. */
async function expectSameTable(csv: string, parquet: Uint8Array): Promise<number> {
  const lines = csv.split("\n");
  expect(lines[0]).toBe(CSV_HEADER);
  const body = lines.slice(1, -1).map((l) => l.split(","));
  const rows = await parquetReadObjects({ file: toBuffer(parquet) });
  expect(rows.length).toBe(body.length);
  const names = CSV_HEADER.split(",");
  rows.forEach((row, i) => {
    const c = body[i]!;
    expect(Object.keys(row)).toEqual(names);
    const got = [
      row.scenario,
      row.param_set_id,
      row.run,
      row.seed,
      row.step,
      row.time,
      row.metric,
      row.value,
      row.weight,
    ] as unknown[];
    const want = [
      c[0],
      BigInt(c[1]!),
      BigInt(c[2]!),
      BigInt(c[3]!),
      BigInt(c[4]!),
      new Date(c[5]!),
      c[6],
      c[7],
      Number(c[8]),
    ];
    expect({ line: i + 2, row: got }).toEqual({ line: i + 2, row: want });
    expect((row.time as Date).toISOString()).toBe(c[5]);
  });
  return rows.length;
}

describe("kpis.parquet", () => {
  it("has the CSV's columns with typed Parquet columns", () => {
    const meta = parquetMetadata(toBuffer(csvToParquet("s,0,0,1,0,2025-01-01T00:00:00.000Z,m,1,1\n", "test")));
    const cols = parquetSchema(meta).children.map((c) => c.element);
    expect(cols.map((e) => e.name).join(",")).toBe(CSV_HEADER);
    expect(cols.map((e) => [e.type, e.converted_type ?? null, e.repetition_type])).toEqual([
      ["BYTE_ARRAY", "UTF8", "REQUIRED"],
      ["INT64", null, "REQUIRED"],
      ["INT64", null, "REQUIRED"],
      ["INT64", null, "REQUIRED"],
      ["INT64", null, "REQUIRED"],
      ["INT64", "TIMESTAMP_MILLIS", "REQUIRED"],
      ["BYTE_ARRAY", "UTF8", "REQUIRED"],
      ["BYTE_ARRAY", "UTF8", "REQUIRED"],
      ["DOUBLE", null, "REQUIRED"],
    ]);
    expect(cols[5]!.logical_type).toEqual({ type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" });
    expect(meta.created_by).toBe("test");
    expect(Number(meta.num_rows)).toBe(1);
    // a batch whose runs all failed before their first row still gets a readable, empty table
    const empty = parquetMetadata(toBuffer(csvToParquet("", "test")));
    expect(Number(empty.num_rows)).toBe(0);
    expect(
      parquetSchema(empty)
        .children.map((c) => c.element.name)
        .join(","),
    ).toBe(CSV_HEADER);
  });

  it("keeps integers beyond 2^53 and 2^64, decimals and negatives exactly; same table, same bytes", async () => {
    const values = [
      "9007199254740993", // 2^53 + 1: a double would round it
      "340282366920938463463374607431768211455", // Uint128::MAX
      "-123456789012345678901",
      "0.000123456789012",
      "1.5e-7",
      "Infinity",
    ];
    const body = values
      .map(
        (v, k) =>
          `x.y,${k % 2},${k},4294967295,${k},2025-01-0${k + 1}T12:30:00.000Z,m.${k},${v},${k === 0 ? 100 : 1}\n`,
      )
      .join("");
    const csv = CSV_HEADER + "\n" + body;
    const pq = csvToParquet(body, "test");
    expect(await expectSameTable(csv, pq)).toBe(values.length);
    expect(Buffer.from(csvToParquet(body, "test")).equals(Buffer.from(pq))).toBe(true);
    // and the bytes follow the content
    expect(
      Buffer.from(csvToParquet(body.replace("9007199254740993", "9007199254740992"), "test")).equals(Buffer.from(pq)),
    ).toBe(false);
  });

  it("refuses a malformed table with the line", () => {
    expect(() => csvToParquet("s,0,0,1,0,2025-01-01T00:00:00.000Z,m,1\n", "t")).toThrow(
      /kpis.csv line 2: 8 fields, expected 9/,
    );
    expect(() =>
      csvToParquet("s,0,0,1,0,2025-01-01T00:00:00.000Z,m,1,1\ns,0,x,1,0,2025-01-01T00:00:00.000Z,m,1,1\n", "t"),
    ).toThrow(/kpis.csv line 3: run 'x' is not an integer/);
    expect(() => csvToParquet("s,0,0,1,0,yesterday,m,1,1\n", "t")).toThrow(/time 'yesterday' is not a date/);
    expect(() => csvToParquet("s,0,0,1,0,2025-01-01T00:00:00.000Z,m,1,\n", "t")).toThrow(/weight '' is not a number/);
  });

  it("a run with output.formats [csv, parquet] writes kpis.parquet equal to kpis.csv; run.json lists both", async () => {
    const out = join(tempDir("parquet"), "out");
    const res = await runScenario(scenarioPath("smoke"), {
      out,
      report: false,
      workers: 1,
      set: ["steps=9", "runs=2", "output.formats=[csv, parquet]"],
    });
    expect(res.failedRuns).toBe(0);
    const csv = readFileSync(join(out, "kpis.csv"));
    const pq = readFileSync(join(out, PARQUET_FILE));
    const n = await expectSameTable(csv.toString("utf8"), pq);
    expect(n).toBeGreaterThan(100);
    const side = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as { outputs: Record<string, string> };
    const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");
    expect(side.outputs).toEqual({ "kpis.csv": sha(csv), "kpis.parquet": sha(pq) });
  });

  it("a default run writes no kpis.parquet; run.json lists kpis.csv alone", async () => {
    const out = join(tempDir("csv-only"), "out");
    await runScenario(scenarioPath("smoke"), { out, report: false, workers: 1, set: ["steps=9", "runs=1"] });
    expect(existsSync(join(out, PARQUET_FILE))).toBe(false);
    const side = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as {
      outputs: Record<string, string>;
      resolved: { output: unknown };
    };
    expect(Object.keys(side.outputs)).toEqual(["kpis.csv"]);
    expect(side.resolved.output).toEqual({ formats: ["csv"] });
  });

  it("sim run --format csv,parquet adds kpis.parquet; a list without csv or with another format exits 2", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const out = join(tempDir("cli-format"), "out");
      const base = [
        "run",
        scenarioPath("smoke"),
        "--set",
        "steps=9",
        "--runs",
        "1",
        "--workers",
        "1",
        "--no-report",
        "-q",
      ];
      expect(await simCli([...base, "--out", out, "--format", "csv,parquet"])).toBe(0);
      expect(existsSync(join(out, PARQUET_FILE))).toBe(true);
      const none = join(tempDir("cli-format-bad"), "out");
      expect(await simCli([...base, "--out", none, "--format", "parquet"])).toBe(2);
      expect(await simCli([...base, "--out", none, "--format", "csv,xlsx"])).toBe(2);
      expect(existsSync(none)).toBe(false);
      expect(err.mock.calls.map((c) => String(c[0]))).toEqual([
        "akash-econ sim: --format parquet: kpis.csv is always written (the report and sim merge read it): csv,parquet",
        "akash-econ sim: --format csv,xlsx: 'xlsx' is not csv or parquet",
      ]);
    } finally {
      err.mockRestore();
    }
  });

  it("the scenario's output.formats must list csv, each format once", () => {
    const load = (f: string) => () =>
      loadScenario(scenarioPath("smoke"), defaultRegistry(), { set: [`output.formats=${f}`] });
    expect(load("[parquet]")).toThrow(/^--set: output.formats: must list csv: kpis.csv is always written/);
    expect(load("[csv, csv]")).toThrow(/output.formats: must NOT have duplicate items/);
    expect(load("[csv, json]")).toThrow(/output.formats.1: must be one of "csv", "parquet"/);
    expect(load("[csv, parquet]")().scenario.output).toEqual({ formats: ["csv", "parquet"] });
    // the output is one per batch, not per parameter set
    expect(() =>
      loadScenario(scenarioPath("smoke"), defaultRegistry(), {
        set: ["sweep={output.formats: [[csv], [csv, parquet]]}"],
      }),
    ).toThrow(/sweep.output.formats: only params.\* can be swept/);
  });
});
