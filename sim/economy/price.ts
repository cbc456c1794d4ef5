// Exogenous AKT/USD paths, one value per step, drawn from the run's own "price" stream. Annualised drift and
// volatility; the step's share of a year is dt = step seconds / 365 days.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Rng } from "./rng.js";
import { closed, nonNegative, probability, type JsonSchema } from "./schema.js";

const YEAR = 365 * 86400;

export const PRICE_SCHEMA: JsonSchema = {
  description: "AKT/USD path: anchors (log-linear between dated points), gbm, jump_diffusion, regime or csv",
  type: "object",
  required: ["model"],
  properties: { model: { enum: ["anchors", "gbm", "jump_diffusion", "regime", "csv"] } },
  allOf: [
    {
      if: { properties: { model: { const: "anchors" } } },
      then: closed(
        {
          model: {},
          points: {
            type: "array",
            minItems: 1,
            items: closed(
              {
                date: { type: "string", format: "date" },
                price: { type: "number", exclusiveMinimum: 0 },
                source: { type: "string" },
              },
              { required: ["date", "price"] },
            ),
          },
          volatility: nonNegative("annualised volatility of multiplicative noise around the anchors (0 = exact)", {
            default: 0,
          }),
        },
        { required: ["model", "points"] },
      ),
    },
    {
      if: { properties: { model: { const: "gbm" } } },
      then: closed(
        {
          model: {},
          initial: { type: "number", exclusiveMinimum: 0 },
          drift: { type: "number", default: 0 },
          volatility: nonNegative("annualised", { default: 0.8 }),
        },
        { required: ["model", "initial"] },
      ),
    },
    {
      if: { properties: { model: { const: "jump_diffusion" } } },
      then: closed(
        {
          model: {},
          initial: { type: "number", exclusiveMinimum: 0 },
          drift: { type: "number", default: 0 },
          volatility: nonNegative("annualised", { default: 0.8 }),
          jump_rate: nonNegative("jumps per year", { default: 4 }),
          jump_mean: { type: "number", default: -0.1, description: "mean log jump" },
          jump_sd: nonNegative("sd of the log jump", { default: 0.15 }),
        },
        { required: ["model", "initial"] },
      ),
    },
    {
      if: { properties: { model: { const: "regime" } } },
      then: closed(
        {
          model: {},
          initial: { type: "number", exclusiveMinimum: 0 },
          switch_probability: probability("chance per step of moving to the next regime"),
          regimes: {
            type: "array",
            minItems: 1,
            items: closed(
              { drift: { type: "number" }, volatility: nonNegative("annualised") },
              { required: ["drift", "volatility"] },
            ),
          },
        },
        { required: ["model", "initial", "regimes", "switch_probability"] },
      ),
    },
    {
      if: { properties: { model: { const: "csv" } } },
      then: closed(
        {
          model: {},
          file: { type: "string", description: "CSV with a header `date,price` (relative to the scenario file)" },
        },
        { required: ["model", "file"] },
      ),
    },
  ],
};

export type PriceModel =
  | { model: "anchors"; points: { date: string; price: number }[]; volatility: number }
  | { model: "gbm"; initial: number; drift: number; volatility: number }
  | {
      model: "jump_diffusion";
      initial: number;
      drift: number;
      volatility: number;
      jump_rate: number;
      jump_mean: number;
      jump_sd: number;
    }
  | { model: "regime"; initial: number; switch_probability: number; regimes: { drift: number; volatility: number }[] }
  | { model: "csv"; file: string; base?: string };

const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000;

/** Log-linear interpolation between dated points; flat before the first and after the last. */
function interpolate(points: readonly { t: number; price: number }[], t: number): number {
  const first = points[0]!;
  if (t <= first.t) return first.price;
  for (let i = 1; i < points.length; i++) {
    const b = points[i]!;
    if (t <= b.t) {
      const a = points[i - 1]!;
      const w = (t - a.t) / (b.t - a.t);
      return Math.exp(Math.log(a.price) * (1 - w) + Math.log(b.price) * w);
    }
  }
  return points[points.length - 1]!.price;
}

export function readPriceCsv(file: string): { t: number; price: number }[] {
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const header = lines[0]?.split(",").map((s) => s.trim().toLowerCase()) ?? [];
  const di = header.indexOf("date");
  const pi = header.indexOf("price");
  if (di < 0 || pi < 0) throw new Error(`${file}: the header must name columns 'date' and 'price'`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split(",");
    const t = dayOf(cells[di]!.trim());
    const price = Number(cells[pi]);
    if (!Number.isFinite(t) || !(price > 0)) throw new Error(`${file}:${i + 2}: bad date or price '${line}'`);
    return { t, price };
  });
}

/** The price at the start of each of `steps` steps (plus one for the end of the last). */
export function pricePath(m: PriceModel, rng: Rng, start: number, steps: number, stepSeconds: number): number[] {
  const dt = stepSeconds / YEAR;
  const out: number[] = [];
  const diffusion = (p: number, mu: number, sigma: number): number =>
    p * Math.exp((mu - (sigma * sigma) / 2) * dt + sigma * Math.sqrt(dt) * rng.normal());
  switch (m.model) {
    case "anchors":
    case "csv": {
      const points =
        m.model === "anchors"
          ? m.points.map((p) => ({ t: dayOf(p.date), price: p.price })).sort((a, b) => a.t - b.t)
          : readPriceCsv(resolve(m.base ?? ".", m.file));
      const sigma = m.model === "anchors" ? m.volatility : 0;
      let noise = 0;
      for (let s = 0; s <= steps; s++) {
        // Mean-reverting log noise so the path keeps passing near its anchors.
        if (sigma > 0) noise = 0.9 * noise + sigma * Math.sqrt(dt) * rng.normal();
        out.push(interpolate(points, start + s * stepSeconds) * Math.exp(noise));
      }
      return out;
    }
    case "gbm": {
      let p = m.initial;
      for (let s = 0; s <= steps; s++) {
        out.push(p);
        p = diffusion(p, m.drift, m.volatility);
      }
      return out;
    }
    case "jump_diffusion": {
      let p = m.initial;
      for (let s = 0; s <= steps; s++) {
        out.push(p);
        p = diffusion(p, m.drift, m.volatility);
        const jumps = rng.poisson(m.jump_rate * dt);
        for (let j = 0; j < jumps; j++) p *= Math.exp(m.jump_mean + m.jump_sd * rng.normal());
      }
      return out;
    }
    case "regime": {
      let p = m.initial;
      let r = 0;
      for (let s = 0; s <= steps; s++) {
        out.push(p);
        if (rng.bernoulli(m.switch_probability)) r = (r + 1) % m.regimes.length;
        const g = m.regimes[r]!;
        p = diffusion(p, g.drift, g.volatility);
      }
      return out;
    }
  }
}
