// The plug-in surface of the economy simulator. A mechanism is a contract in the loop (how governance deploys it,
// which of its events and queries become KPIs); an agent is a behaviour that acts on the chain at one substep of
// every step. Both see only the chain interface (sim/interface) and the generated clients (clients/), never the
// embedded chain itself, so every scenario runs on wasmd too. New mechanisms and agents (bme, incentives) add
// themselves to the registry (registry.ts) with their parameter schema; the engine needs no edit.
import type { Event } from "@cosmjs/stargate";
import type { ChainBackend, Coin, ExecuteResult, JsonObject } from "../interface/index.js";
import type { Rng } from "./rng.js";

/** A JSON Schema (draft-07) object. */
export type JsonSchema = Record<string, unknown>;

/** Parameters as the scenario resolved them (after extends, defaults, --set and the sweep point). */
export interface Params {
  system: Record<string, unknown> & { block_time_seconds: number };
  behaviour: Record<string, unknown>;
  policy: Record<string, unknown>;
}

/** A scheduled event of the scenario (`events:`), applied at the start of step `at`. */
export interface ScenarioEvent {
  at: number;
  kind: string;
  [field: string]: unknown;
}

/** The chain a run drives, as the harness hands it to mechanisms and agents. */
export interface SimChain {
  readonly kind: "embedded" | "local";
  readonly backend: ChainBackend;
  /**
   * An address the backend's client signs for, stable for (role, index): the embedded chain derives any number;
   * a local node has a fixed pool of keys (SimChain.capacity) shared round-robin.
   */
  wallet(role: string, index: number): string;
  /** Genesis-style allocation to a wallet (embedded: minted; local: sent from the faucet account). */
  fund(address: string, coins: readonly Coin[]): Promise<void>;
  /** Denoms `fund` can provide (a local node has only its staking denom). */
  readonly fundable: readonly string[];
  /** Lets `seconds` of chain time pass (embedded: height and time jump; local: waits for blocks). */
  advance(seconds: number): Promise<void>;
}

/** A KPI update: counters add, gauges set. `weighted` rows stand for 1/scale of the simulated sample. */
export interface Recorder {
  add(metric: string, delta: number | bigint, weighted?: boolean): void;
  set(metric: string, value: number | bigint | string, weighted?: boolean): void;
}

/** Signals agents share within a step (radCAD's policy signals): the price path, outages, open deployments. */
export type Signals = Map<string, unknown>;

export interface RunContext {
  readonly scenario: string;
  readonly paramSetId: number;
  readonly run: number;
  readonly seed: number;
  readonly params: Params;
  readonly scale: number;
  readonly steps: number;
  readonly stepSeconds: number;
  readonly blocksPerStep: number;
  /** Unix seconds of step 0. */
  readonly start: number;
  readonly chain: SimChain;
  /** Contract addresses by mechanism name. */
  readonly contracts: Readonly<Record<string, string>>;
  readonly signals: Signals;
  readonly kpi: Recorder;
  /** This run's stream `name` (one per agent or process, so they never shift each other's draws). */
  rng(name: string): Rng;
  /**
   * Sends one transaction and records it: gas by `op`, its events to every mechanism's `observe`, a failure as
   * `tx.failed` by op and error (returned as undefined; the run goes on). `weighted` (default true): the tx belongs
   * to the tenant sample, so its counts and gas stand for 1/scale; false for system actors (relayer, governance).
   */
  tx(op: string, send: () => Promise<ExecuteResult>, weighted?: boolean): Promise<ExecuteResult | undefined>;
}

export interface StepContext extends RunContext {
  readonly step: number;
  /** Unix seconds at the start of this step (chain time on the embedded chain). */
  readonly time: number;
  /** This step's scheduled events. */
  readonly events: readonly ScenarioEvent[];
}

export interface DeployContext {
  readonly chain: SimChain;
  readonly params: Params;
  /** Addresses of the mechanisms deployed before this one. */
  readonly contracts: Record<string, string>;
  /** The wasm of a built contract (artifacts/<name>.wasm). */
  wasm(name: string): Uint8Array;
}

export interface Mechanism {
  /** Contract name (artifacts/<name>.wasm) and the key of its block in `params.system`. */
  readonly name: string;
  readonly systemSchema: JsonSchema;
  /** Mechanisms this one needs deployed first (by name). */
  readonly after?: readonly string[];
  /** Whether a scenario deploys it (default: always). */
  enabled?(params: Params): boolean;
  /** Stores and instantiates through governance; returns the contract address. */
  deploy(ctx: DeployContext): Promise<string>;
  /** Turns a transaction's events into KPIs (counters, volumes). Called for every recorded tx. */
  observe?(events: readonly Event[], ctx: RunContext): void;
  /** Reads the contract's own queries at the end of a step into KPIs (gauges). */
  measure?(ctx: StepContext): Promise<void>;
}

export interface EventKind {
  readonly kind: string;
  /** Fields besides `at` and `kind` (JSON Schema properties). */
  readonly properties: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  /** The mechanism the event needs (a scenario using it without that mechanism is refused). */
  readonly needs?: string;
}

export interface Agent {
  readonly name: string;
  /** Order within a step: lower acts first (documented in sim/economy/README.md). */
  readonly substep: number;
  /** `params.behaviour.<name>`. */
  readonly behaviourSchema: JsonSchema;
  /** Properties this agent adds to `params.policy` (swappable strategies). */
  readonly policySchema?: Record<string, JsonSchema>;
  readonly eventKinds?: readonly EventKind[];
  /** Mechanisms the agent acts on; it is skipped when one of them is not deployed. */
  readonly needs: readonly string[];
  /** Once per run, after the warmed chain is forked: fund wallets, draw the price path. */
  init?(ctx: RunContext): Promise<void>;
  act(ctx: StepContext): Promise<void>;
  /** After the last step: close what must be closed so final KPIs read from settled state. */
  finish?(ctx: StepContext): Promise<void>;
}

export type { JsonObject };

/** Which mechanisms and agents a scenario can use (registry.ts builds the default one). */
export interface Registry {
  readonly mechanisms: readonly Mechanism[];
  readonly agents: readonly Agent[];
  readonly eventKinds: readonly EventKind[];
}
