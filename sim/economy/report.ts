// The HTML report of a run set: one self-contained file (no CDN, no network; the charts are Vega-Lite specs rendered
// to SVG in Node by vega and inlined), plus charts/<name>.svg for each chart. Time series per KPI (a line per run, or
// a p5/p50/p95 fan over the Monte Carlo runs), final values per sweep point (small multiples, a heatmap for a
// two-key sweep), gas by operation, and the calibration table with pass/fail.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Sidecar } from "./output.js";
import type { CalibrationTarget, Scenario } from "./scenario.js";

interface Row {
  ps: number;
  run: number;
  step: number;
  time: string;
  metric: string;
  value: number;
  weight: number;
}

/** Values as the report shows them: multiplied by the row's weight (estimates for the whole population). */
export function readRows(dir: string): Row[] {
  const lines = readFileSync(join(dir, "kpis.csv"), "utf8").split("\n");
  const out: Row[] = [];
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const c = line.split(",");
    out.push({
      ps: Number(c[1]),
      run: Number(c[2]),
      step: Number(c[4]),
      time: c[5]!,
      metric: c[6]!,
      value: Number(c[7]) * Number(c[8]),
      weight: Number(c[8]),
    });
  }
  return out;
}

const quantile = (sorted: readonly number[], q: number): number => {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
};

export interface CalibrationResult {
  label: string;
  metric: string;
  target: number;
  simulated: number;
  error: number;
  tolerance: number;
  pass: boolean;
  unit: string;
  source: string;
}

/** Calibration targets against the simulated mean over the runs of parameter set 0. */
export function calibrate(
  rows: readonly Row[],
  targets: readonly CalibrationTarget[],
  weights: Map<string, number>,
): CalibrationResult[] {
  const runs = [...new Set(rows.filter((r) => r.ps === 0).map((r) => r.run))].sort((a, b) => a - b);
  const perRun = new Map<string, number[]>();
  const value = (t: CalibrationTarget, run: number): number => {
    const series = rows.filter((r) => r.ps === 0 && r.run === run && r.metric === t.metric).map((r) => r.value);
    // rows are already weighted; undo it for unweighted targets
    const w = t.weighted ? 1 : 1 / (weights.get(t.metric ?? "") ?? 1);
    if (series.length === 0) return 0;
    const agg =
      t.aggregate === "sum"
        ? series.reduce((a, b) => a + b, 0)
        : t.aggregate === "mean"
          ? series.reduce((a, b) => a + b, 0) / series.length
          : series[series.length - 1]!;
    return agg * w * t.multiply;
  };
  for (const t of targets)
    perRun.set(
      t.label,
      runs.map((run) => value(t, run)),
    );
  return targets.map((t) => {
    let vals = perRun.get(t.label)!;
    if (t.divide_by !== undefined) {
      const den = perRun.get(t.divide_by)!;
      vals = vals.map((v, i) => v / (den[i] ?? NaN));
    }
    const simulated = vals.reduce((a, b) => a + b, 0) / Math.max(vals.length, 1);
    const error = (simulated - t.target) / t.target;
    return {
      label: t.label,
      metric: t.divide_by === undefined ? (t.metric ?? "") : `${t.metric ?? ""} / ${t.divide_by}`,
      target: t.target,
      simulated,
      error,
      tolerance: t.tolerance,
      pass: Math.abs(error) <= t.tolerance,
      unit: t.unit ?? "",
      source: t.source ?? "",
    };
  });
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fmt = (n: number): string =>
  Number.isFinite(n)
    ? Math.abs(n) >= 1000
      ? Math.round(n).toLocaleString("en-US")
      : Number(n.toPrecision(4)).toString()
    : "–";

async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const vl = await import("vega-lite");
  const vega = await import("vega");
  const compiled = vl.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** Which KPIs get a time-series chart: everything but per-op tx counts and gas (charted as one bar chart). */
const charted = (m: string): boolean => !m.startsWith("tx.count.") && !m.startsWith("gas.");

export async function writeReport(dirArg: string): Promise<string> {
  const dir = resolve(dirArg);
  const side = JSON.parse(readFileSync(join(dir, "run.json"), "utf8")) as Sidecar;
  const sc = side.resolved as Scenario;
  const rows = readRows(dir);
  const weights = new Map<string, number>();
  for (const r of rows) weights.set(r.metric, r.weight);
  const metrics = [...new Set(rows.map((r) => r.metric))].sort();
  const sets = side.param_sets;
  const runs = sc.runs;
  mkdirSync(join(dir, "charts"), { recursive: true });
  const charts: { id: string; title: string; svg: string }[] = [];
  const add = async (id: string, title: string, spec: Record<string, unknown>): Promise<void> => {
    const svg = await renderSvg({ width: 520, height: 200, ...spec, title });
    writeFileSync(join(dir, "charts", `${id}.svg`), svg);
    charts.push({ id, title, svg });
  };
  const label = (ps: number): string => {
    const p = sets[ps]?.point ?? {};
    const keys = Object.keys(p);
    return keys.length === 0 ? `set ${ps}` : keys.map((k) => `${k.split(".").pop()}=${JSON.stringify(p[k])}`).join(" ");
  };

  for (const metric of metrics.filter(charted)) {
    const mrows = rows.filter((r) => r.metric === metric);
    const id = metric.replace(/[^a-zA-Z0-9_.-]/g, "_");
    const weighted = (weights.get(metric) ?? 1) !== 1;
    const title = `${metric}${weighted ? " (weighted)" : ""}`;
    if (runs === 1) {
      const values = mrows.map((r) => ({ time: r.time, value: r.value, set: label(r.ps) }));
      await add(id, title, {
        data: { values },
        mark: { type: "line", interpolate: "step-after" },
        encoding: {
          x: { field: "time", type: "temporal", title: null },
          y: { field: "value", type: "quantitative", title: null },
          ...(sets.length > 1 ? { color: { field: "set", type: "nominal", title: "parameter set" } } : {}),
        },
      });
    } else {
      const bands: Record<string, unknown>[] = [];
      const groups = new Map<string, number[]>();
      for (const r of mrows) {
        const k = `${r.ps}\t${r.time}`;
        const g = groups.get(k) ?? [];
        g.push(r.value);
        groups.set(k, g);
      }
      for (const [k, vals] of groups) {
        const [ps, time] = k.split("\t") as [string, string];
        vals.sort((a, b) => a - b);
        bands.push({
          time,
          set: label(Number(ps)),
          p5: quantile(vals, 0.05),
          p50: quantile(vals, 0.5),
          p95: quantile(vals, 0.95),
        });
      }
      const color = sets.length > 1 ? { color: { field: "set", type: "nominal", title: "parameter set" } } : {};
      await add(id, `${title}: p5–p95 over ${runs} runs, median`, {
        data: { values: bands },
        encoding: { x: { field: "time", type: "temporal", title: null } },
        layer: [
          {
            mark: { type: "area", opacity: 0.25 },
            encoding: { y: { field: "p5", type: "quantitative", title: null }, y2: { field: "p95" }, ...color },
          },
          { mark: "line", encoding: { y: { field: "p50", type: "quantitative" }, ...color } },
        ],
      });
    }
  }
  // Gas by operation (mean over runs of parameter set 0, final step).
  const lastStep = Math.max(...rows.map((r) => r.step));
  const gas = rows.filter((r) => r.ps === 0 && r.step === lastStep && r.metric.startsWith("gas."));
  if (gas.length > 0) {
    const byOp = new Map<string, number[]>();
    for (const r of gas) byOp.set(r.metric.slice(4), [...(byOp.get(r.metric.slice(4)) ?? []), r.value]);
    await add("gas-by-operation", "gas used by operation (weighted, mean over runs)", {
      data: { values: [...byOp].map(([op, v]) => ({ op, gas: v.reduce((a, b) => a + b, 0) / v.length })) },
      mark: "bar",
      encoding: {
        y: { field: "op", type: "nominal", title: null, sort: "-x" },
        x: { field: "gas", type: "quantitative" },
      },
    });
  }
  // Sweeps: final values per parameter set, and a heatmap when exactly two keys are swept.
  const sweepKeys = Object.keys(sc.sweep);
  if (sets.length > 1) {
    const finals = rows.filter((r) => r.step === lastStep && charted(r.metric));
    const mean = new Map<string, number[]>();
    for (const r of finals) mean.set(`${r.ps}\t${r.metric}`, [...(mean.get(`${r.ps}\t${r.metric}`) ?? []), r.value]);
    const values = [...mean].map(([k, v]) => {
      const [ps, metric] = k.split("\t") as [string, string];
      return {
        set: label(Number(ps)),
        metric,
        value: v.reduce((a, b) => a + b, 0) / v.length,
        ...sets[Number(ps)]!.point,
      };
    });
    const show = metrics.filter(charted).slice(0, 12);
    await add("sweep-small-multiples", "final value per parameter set (mean over runs)", {
      data: { values: values.filter((v) => show.includes(v.metric)) },
      facet: { field: "metric", type: "nominal", columns: 3, title: null },
      spec: {
        width: 160,
        height: 120,
        mark: "bar",
        encoding: {
          x: { field: "set", type: "nominal", title: null },
          y: { field: "value", type: "quantitative", title: null },
        },
      },
      resolve: { scale: { y: "independent" } },
      width: undefined,
      height: undefined,
    });
    if (sweepKeys.length === 2) {
      for (const metric of show.slice(0, 4)) {
        await add(`heatmap-${metric.replace(/[^a-zA-Z0-9_.-]/g, "_")}`, `${metric}: final value over the sweep`, {
          data: {
            values: values
              .filter((v) => v.metric === metric)
              .map((v) => ({
                ...v,
                a: String(v[sweepKeys[0]! as keyof typeof v]),
                b: String(v[sweepKeys[1]! as keyof typeof v]),
              })),
          },
          mark: "rect",
          encoding: {
            x: { field: "a", type: "ordinal", title: sweepKeys[0] },
            y: { field: "b", type: "ordinal", title: sweepKeys[1] },
            color: { field: "value", type: "quantitative", title: null },
          },
        });
      }
    }
  }
  const calibration = calibrate(rows, sc.calibration, weights);
  const html = page(side, sc, charts, calibration);
  const file = join(dir, "report.html");
  writeFileSync(file, html);
  return file;
}

function page(
  side: Sidecar,
  sc: Scenario,
  charts: { id: string; title: string; svg: string }[],
  cal: CalibrationResult[],
): string {
  const failed = side.runs.filter((r) => r.error !== undefined);
  const calTable =
    cal.length === 0
      ? ""
      : `<h2>Calibration</h2><table id="calibration"><tr><th>target</th><th>KPI</th><th>target value</th><th>simulated (mean of runs)</th><th>error</th><th>tolerance</th><th>result</th><th>source</th></tr>${cal
          .map(
            (c) =>
              `<tr class="${c.pass ? "pass" : "fail"}"><td>${esc(c.label)}</td><td><code>${esc(c.metric)}</code></td><td>${fmt(c.target)} ${esc(c.unit)}</td><td>${fmt(c.simulated)} ${esc(c.unit)}</td><td>${Number.isFinite(c.error) ? (c.error * 100).toFixed(1) + "%" : "–"}</td><td>±${(c.tolerance * 100).toFixed(0)}%</td><td>${c.pass ? "pass" : "FAIL"}</td><td>${esc(c.source)}</td></tr>`,
          )
          .join(
            "",
          )}</table><p>${cal.filter((c) => c.pass).length} of ${cal.length} targets within tolerance. Simulated values come from the contracts' events, queries and balances, weighted by 1/scale.</p>`;
  const errors =
    failed.length === 0
      ? ""
      : `<h2>Failed runs</h2><ul>${failed.map((r) => `<li>set ${r.param_set_id} run ${r.run} (seed ${r.seed}), after ${r.steps_done} steps: ${esc(r.error ?? "")}</li>`).join("")}</ul>`;
  const txFailures = new Map<string, number>();
  for (const r of side.runs)
    for (const [k, n] of Object.entries(r.failures)) txFailures.set(k, (txFailures.get(k) ?? 0) + n);
  const failTable =
    txFailures.size === 0
      ? "<p>No transaction failed.</p>"
      : `<table><tr><th>operation: error</th><th>count (all runs, unweighted)</th></tr>${[...txFailures]
          .sort()
          .map(([k, n]) => `<tr><td>${esc(k)}</td><td>${n}</td></tr>`)
          .join("")}</table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(sc.name)} — akash-econ simulation</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1180px;color:#222}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ddd}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{border:1px solid #eee;padding:6px}
.chart h3{font-size:.95em;margin:.2em 0}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
tr.pass td:nth-child(7){color:#176317;font-weight:bold}tr.fail td:nth-child(7){color:#b00020;font-weight:bold}
button{font-size:.8em}
</style></head><body>
<h1>${esc(sc.name)}</h1>
<p>${esc(sc.description ?? "")}</p>
<p>${side.param_sets.length} parameter set(s) × ${sc.runs} run(s), ${sc.steps} steps of ${esc(sc.step)} from ${esc(sc.start)}, scale ${sc.scale} (weighted KPIs stand for ${fmt(1 / sc.scale)}× the sample), chain <b>${esc(sc.chain)}</b>, master seed ${sc.seed}, akash-econ ${esc(side.version)}.</p>
<p>Artifacts: ${Object.entries(side.artifacts)
    .map(([n, h]) => `${esc(n)} <code>${h.slice(0, 16)}…</code>`)
    .join(", ")}</p>
${calTable}
${errors}
<h2>Charts</h2>
<div class="charts">
${charts.map((c) => `<figure class="chart" id="chart-${esc(c.id)}">${c.svg}<br><button data-chart="${esc(c.id)}">SVG</button></figure>`).join("\n")}
</div>
<h2>Failed transactions</h2>
${failTable}
<script>
// Export: the inline SVG of a chart as a file (no network; the same files are in charts/).
document.querySelectorAll("button[data-chart]").forEach(function (b) {
  b.addEventListener("click", function () {
    var svg = b.parentElement.querySelector("svg");
    var blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: "image/svg+xml" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = b.getAttribute("data-chart") + ".svg";
    a.click();
  });
});
</script>
</body></html>
`;
}
