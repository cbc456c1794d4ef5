// The published JSON Schema of a scenario file (`akash-econ sim schema`; committed as scenarios/scenario.schema.json).
// Every object is closed (additionalProperties: false) so a misspelt field is an error, not a silent default; rates
// and counts have minimums so a negative rate is refused before anything runs. Mechanisms and agents contribute their
// own parameter blocks (system.<mechanism>, behaviour.<agent>), so a new one extends the schema without editing it.
import type { JsonSchema, Registry } from "./types.js";

export type { JsonSchema };

export const nonNegative = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: "number",
  minimum: 0,
  description,
  ...extra,
});
export const probability = (description: string): JsonSchema => ({
  type: "number",
  minimum: 0,
  maximum: 1,
  description,
});
export const positiveInt = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: "integer",
  minimum: 1,
  description,
  ...extra,
});
export const closed = (properties: Record<string, JsonSchema>, extra: JsonSchema = {}): JsonSchema => ({
  type: "object",
  additionalProperties: false,
  properties,
  ...extra,
});
export const uintString = (description: string): JsonSchema => ({
  type: "string",
  pattern: "^[0-9]{1,38}$",
  description,
});

/** A rate that may change over time: a number, or steps from which a new value applies (first `from` must be 0). */
export const schedule = (description: string): JsonSchema => ({
  description,
  oneOf: [
    { type: "number", minimum: 0 },
    {
      type: "array",
      minItems: 1,
      items: closed(
        {
          from: { type: "integer", minimum: 0, description: "first step at this value" },
          value: { type: "number", minimum: 0 },
        },
        { required: ["from", "value"] },
      ),
    },
  ],
});

/** Weights by key (a GPU mix, a denom mix): non-negative numbers, keys lower-case. */
export const mix = (description: string): JsonSchema => ({
  type: "object",
  description,
  propertyNames: { pattern: "^[a-z0-9_-]+$" },
  additionalProperties: { type: "number", minimum: 0 },
  minProperties: 1,
});

/**
 * A mix that may change over time, like `schedule`: one mix, or steps from which a new mix applies (the first `from`
 * must be 0 and they must increase — checked with the scenario, as JSON Schema cannot say it).
 */
export const mixSchedule = (description: string): JsonSchema => ({
  description,
  oneOf: [
    mix("weights by key"),
    {
      type: "array",
      minItems: 1,
      items: closed(
        {
          from: { type: "integer", minimum: 0, description: "first step of this mix" },
          value: mix("weights by key from this step"),
        },
        { required: ["from", "value"] },
      ),
    },
  ],
});

const STEP_PATTERN = "^[1-9][0-9]*(s|m|h|d|w)$";

const EVENT: JsonSchema = {
  type: "object",
  required: ["at", "kind"],
  properties: {
    at: { type: "integer", minimum: 0, description: "step at whose start the event applies" },
    kind: { type: "string" },
  },
};

export function scenarioSchema(registry: Registry): JsonSchema {
  const system: Record<string, JsonSchema> = {
    block_time_seconds: positiveInt("seconds per block (the embedded chain's block time; escrow rates are per block)", {
      default: 6,
    }),
  };
  for (const m of registry.mechanisms) system[m.name] = m.systemSchema;
  const behaviour: Record<string, JsonSchema> = {};
  for (const a of registry.agents) behaviour[a.name] = a.behaviourSchema;
  const policy: Record<string, JsonSchema> = {};
  for (const a of registry.agents) if (a.policySchema !== undefined) Object.assign(policy, a.policySchema);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "akash-econ simulation scenario",
    type: "object",
    additionalProperties: false,
    required: ["steps", "step"],
    properties: {
      name: { type: "string", pattern: "^[a-z0-9][a-z0-9._-]*$", description: "default: the file name" },
      description: { type: "string" },
      extends: {
        type: "string",
        description: "a scenario file (relative to this one) whose fields this one overrides",
      },
      seed: { type: "integer", minimum: 0, maximum: 4294967295, default: 1, description: "master seed" },
      runs: positiveInt("Monte Carlo runs per parameter set", { default: 1, maximum: 100000 }),
      steps: positiveInt("time steps per run", { maximum: 1000000 }),
      step: { type: "string", pattern: STEP_PATTERN, description: "length of a step: 30m, 1h, 6h, 1d, 1w" },
      start: {
        type: "string",
        format: "date-time",
        default: "2025-01-01T00:00:00Z",
        description: "chain time of step 0",
      },
      scale: {
        type: "number",
        exclusiveMinimum: 0,
        maximum: 1,
        default: 1,
        description: "share of tenants simulated; each stands for 1/scale (reported as the `weight` column)",
      },
      chain: { enum: ["embedded", "local"], default: "embedded" },
      params: closed(
        {
          system: closed(system, { default: {} }),
          behaviour: closed(behaviour, { default: {} }),
          policy: closed(policy, { default: {} }),
        },
        { default: {} },
      ),
      sweep: {
        type: "object",
        description:
          "cartesian product: every combination of the listed values is one parameter set (keys are dotted paths, e.g. params.behaviour.tenants.leases_per_day)",
        additionalProperties: { type: "array", minItems: 1 },
        default: {},
      },
      events: {
        type: "array",
        default: [],
        items: {
          ...EVENT,
          properties: {
            ...(EVENT.properties as Record<string, JsonSchema>),
            kind: { enum: registry.eventKinds.map((k) => k.kind) },
          },
          allOf: registry.eventKinds.map((k) => ({
            if: { properties: { kind: { const: k.kind } }, required: ["kind"] },
            then: closed({ at: {}, kind: {}, ...k.properties }, { required: ["at", "kind", ...(k.required ?? [])] }),
          })),
        },
      },
      output: closed(
        {
          formats: {
            type: "array",
            items: { enum: ["csv", "parquet"] },
            uniqueItems: true,
            contains: { const: "csv" },
            default: ["csv"],
            description:
              "files of the long tidy table: kpis.csv (always listed: the report and sim merge read it) and kpis.parquet (same columns and rows)",
          },
        },
        { default: {} },
      ),
      calibration: {
        type: "array",
        default: [],
        items: closed(
          {
            label: { type: "string" },
            metric: { type: "string", description: "a KPI of the tidy table" },
            aggregate: { enum: ["final", "sum", "mean"], default: "final", description: "over the steps of a run" },
            weighted: { type: "boolean", default: true, description: "multiply by the row's weight (1/scale)" },
            divide_by: { type: "string", description: "another calibration label: report this one per unit of that" },
            multiply: { type: "number", default: 1, description: "unit conversion, e.g. 0.000001 for uakt → AKT" },
            target: { type: "number" },
            tolerance: { type: "number", exclusiveMinimum: 0, default: 0.1, description: "relative, 0.1 = ±10%" },
            unit: { type: "string" },
            source: { type: "string" },
          },
          { required: ["label", "target"] },
        ),
      },
    },
  };
}

/** Step length in seconds. */
export function stepSeconds(step: string): number {
  const m = /^([1-9][0-9]*)(s|m|h|d|w)$/.exec(step);
  if (m === null) throw new Error(`step '${step}': expected a number and a unit (s, m, h, d, w), e.g. 1h`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as "s" | "m" | "h" | "d" | "w"];
  return Number(m[1]) * unit;
}
