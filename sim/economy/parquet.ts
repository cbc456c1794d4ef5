// kpis.parquet: the long tidy table of kpis.csv in Apache Parquet, built from the CSV text itself so both files hold
// the same rows in the same order and a merge of shards gives the same bytes as one machine. Written with
// hyparquet-writer (pure JS, no clock or randomness in its output: the same table gives the same bytes).
//
// Column types: integers INT64, `time` a UTC TIMESTAMP in milliseconds, `weight` DOUBLE, text UTF8. `value` stays
// UTF8, the exact decimal text of the CSV: one column holds every KPI, integers up to 128 bits (coin amounts in
// micro-units) beside prices with decimals, and no single numeric Parquet type holds both exactly.
import { parquetWriteBuffer, type ColumnSource, type SchemaElement } from "hyparquet-writer";

export const PARQUET_FILE = "kpis.parquet";

const required = { repetition_type: "REQUIRED" } as const;
const text = (name: string): SchemaElement => ({
  name,
  type: "BYTE_ARRAY",
  converted_type: "UTF8",
  logical_type: { type: "STRING" },
  ...required,
});
const int64 = (name: string): SchemaElement => ({ name, type: "INT64", ...required });

/** The Parquet schema of the table, in CSV column order. */
export const PARQUET_SCHEMA: SchemaElement[] = [
  { name: "schema", num_children: 9 },
  text("scenario"),
  int64("param_set_id"),
  int64("run"),
  int64("seed"),
  int64("step"),
  {
    name: "time",
    type: "INT64",
    converted_type: "TIMESTAMP_MILLIS",
    logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" },
    ...required,
  },
  text("metric"),
  text("value"),
  { name: "weight", type: "DOUBLE", ...required },
];

/** The column names, those of kpis.csv's header. */
const COLUMNS = PARQUET_SCHEMA.slice(1).map((e) => e.name);

/** A whole number of the CSV (ids, runs, seeds, steps) as the INT64 it is written as. */
function int(s: string, line: number, column: string): bigint {
  if (!/^-?[0-9]+$/.test(s)) throw new Error(`kpis.csv line ${line}: ${column} '${s}' is not an integer`);
  return BigInt(s);
}

/** The Parquet bytes of a kpis.csv body (rows without the header). */
export function csvToParquet(csvBody: string, createdBy: string): Uint8Array {
  const scenario: string[] = [];
  const paramSet: bigint[] = [];
  const run: bigint[] = [];
  const seed: bigint[] = [];
  const step: bigint[] = [];
  const time: Date[] = [];
  const metric: string[] = [];
  const value: string[] = [];
  const weight: number[] = [];
  const lines = csvBody.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let lastTime = "";
  let lastDate = new Date(0);
  lines.forEach((l, i) => {
    const f = l.split(",");
    const line = i + 2; // after the header, 1-based
    if (f.length !== COLUMNS.length)
      throw new Error(`kpis.csv line ${line}: ${f.length} fields, expected ${COLUMNS.length} (${COLUMNS.join(",")})`);
    scenario.push(f[0]!);
    paramSet.push(int(f[1]!, line, "param_set_id"));
    run.push(int(f[2]!, line, "run"));
    seed.push(int(f[3]!, line, "seed"));
    step.push(int(f[4]!, line, "step"));
    // Rows come in step order, so consecutive rows share one Date.
    if (f[5] !== lastTime) {
      lastTime = f[5]!;
      lastDate = new Date(lastTime);
      if (Number.isNaN(lastDate.getTime())) throw new Error(`kpis.csv line ${line}: time '${lastTime}' is not a date`);
    }
    time.push(lastDate);
    metric.push(f[6]!);
    value.push(f[7]!);
    const w = Number(f[8]);
    if (f[8] === "" || Number.isNaN(w)) throw new Error(`kpis.csv line ${line}: weight '${f[8]}' is not a number`);
    weight.push(w);
  });
  const data: ColumnSource["data"][] = [scenario, paramSet, run, seed, step, time, metric, value, weight];
  const buf = parquetWriteBuffer({
    columnData: COLUMNS.map((name, k) => ({ name, data: data[k]! })),
    schema: PARQUET_SCHEMA,
    createdBy,
  });
  return new Uint8Array(buf);
}
