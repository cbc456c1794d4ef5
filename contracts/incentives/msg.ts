// Messages of the incentives contract, defined once: scripts/codegen generates the parsers, response writers and
// dispatch (gen/) and the JSON Schemas (schema/incentives) from these classes. docs/incentives.md has the formulas.
//
// A program is created by governance (the admin) with one or more pools and an AKT budget held by this contract.
// Attestors report per-provider metrics per epoch; a permissionless `close_epoch` turns the reports into claimable
// payouts and returns what the epoch did not use to the program's treasury.

import { Decimal, Some, Uint128 } from "../std";

/** A GPU model's USD price per GPU-hour in a committed pool. */
export class ModelPrice {
  model: string = "";
  usd_per_hour: Decimal = Decimal.zero();
}

/** Fixed USD prices per GPU-hour for named providers; below the SLA uptime the payout is pro rata by uptime. */
export class CommittedPool {
  prices: Array<ModelPrice> = [];
  providers: Array<string> = [];
  /** Uptime (basis points) at or above which the full price is paid (PIP-style SLA: 9900). */
  sla_uptime_bps: u32 = 9900;
  /** Epochs from the program start the commitment covers; 0 = every epoch of the program. */
  term_epochs: u32 = 0;
  /** Total USD the pool may pay; each epoch of the term gets an equal share (the last one the rest). */
  usd_budget: Decimal = Decimal.zero();
}

/** A GPU model eligible for liquidity mining: its VRAM and its weight multiplier. */
export class ModelWeight {
  model: string = "";
  vram_gb: u32 = 0;
  multiplier: Decimal = Decimal.one();
}

/** A fixed uakt budget per epoch shared pro rata by `gpu_count × multiplier × uptime` among eligible providers. */
export class LiquidityMiningPool {
  per_epoch: Uint128 = Uint128.zero();
  /** Models with less VRAM are not eligible (PIP: 24). */
  min_vram_gb: u32 = 24;
  models: Array<ModelWeight> = [];
}

/** A budget from which governance makes grants to named providers (`grant`). */
export class DiscretionaryPool {
  budget: Uint128 = Uint128.zero();
}

/** One pool: a unique name and exactly one kind. */
export class PoolMsg {
  /** 1–32 characters of [a-z0-9_-]. */
  name: string = "";
  committed: CommittedPool | null = null;
  liquidity_mining: LiquidityMiningPool | null = null;
  discretionary: DiscretionaryPool | null = null;
}

/** PIP 3.5-style revenue share: lease revenue deposited to the program pays a fee to the operator, the rest goes to the treasury. */
export class RevenueShare {
  operator: string = "";
  /** Fee on spot revenue, basis points (≤ 10000). */
  spot_fee_bps: u32 = 0;
  /** Fee on reservation revenue, basis points (≤ 10000). */
  reservation_fee_bps: u32 = 0;
}

/** Where returns go. */
export class Treasury {
  /** @enum community_pool address  `community_pool` (x/protocolpool MsgFundCommunityPool as `CosmosMsg::Any`) or `address`. */
  mode: string = "address";
  /** Required for `address`: a governance-controlled account (on Akash contracts cannot fund the community pool). */
  address: string | null = null;
}

/** A program's rules; fixed once created. Times are unix seconds. */
export class ProgramDef {
  /** 1–64 characters. */
  name: string = "";
  /** Start of epoch 0 (may lie in the past: a program can cover a period already served). */
  start: u64 = 0;
  /** Epoch length in seconds (≥ 60); `end − start` must be a whole number (≤ 1000) of epochs. */
  epoch_seconds: u64 = 0;
  end: u64 = 0;
  /** Seconds after `end` during which providers can still claim; then anyone may `sweep`. */
  grace: u64 = 0;
  /** Seconds after an epoch ends during which only an attestor may close it (time to report). */
  report_window: u64 = 0;
  /** 1–5 addresses allowed to report. */
  attestors: Array<string> = [];
  treasury: Treasury = new Treasury();
  /** AKT held on top of the USD need at the current price (e.g. 2500 = 25 %); at most 100000. */
  volatility_buffer_bps: u32 = 0;
  /** Reported providers per pool and epoch (1–100): bounds the gas of `close_epoch`. */
  max_providers: u32 = 50;
  /** 1–4 pools. */
  pools: Array<PoolMsg> = [];
  revenue: RevenueShare | null = null;
}

/** @msg InstantiateMsg */
export class InstantiateMsg {
  /** Governance: the only sender of `create_program`, `grant`, `update_config`. */
  admin: string = "";
  /** The oracle contract whose `price` query gives the AKT/USD price. */
  oracle: string = "";
  /** Feed id of AKT/USD in the oracle (64 hex digits). */
  feed_id: string = "";
  /** @optional Oldest accepted price publish time, in seconds before the block; default 60. */
  max_price_age: u64 = 60;
  /** @optional Denom of the budgets (6 decimals); default uakt. */
  denom: string = "uakt";
}

/** @msg MigrateMsg */
export class MigrateMsg {}

/**
 * Admin only. Creates a program funded with the attached coins plus `from_balance` taken from the contract's
 * unassigned balance (coins sent to the contract outside any program, e.g. by a community-pool spend in the same proposal).
 * @msg ExecuteMsg create_program
 * @payable
 */
export class CreateProgramMsg {
  program: ProgramDef = new ProgramDef();
  from_balance: Uint128 | null = null;
}

/**
 * Adds attached coins (anyone) and/or `from_balance` (admin only) to a program before its end.
 * @msg ExecuteMsg fund_program
 * @payable
 */
export class FundProgramMsg {
  program_id: u64 = 0;
  from_balance: Uint128 | null = null;
}

/** One provider's metrics for an epoch. */
export class ReportRow {
  provider: string = "";
  gpu_model: string = "";
  gpu_count: u32 = 0;
  /** 0–10000. */
  uptime_bps: u32 = 0;
  /** 0–10000; informational. */
  utilization_bps: u32 = 0;
}

/**
 * Attestor only: metrics of up to 50 providers for one pool and epoch. The epoch must have started and not be
 * closed; a provider reported again replaces its earlier row.
 * @msg ExecuteMsg report
 */
export class ReportMsg {
  program_id: u64 = 0;
  pool: string = "";
  epoch: u32 = 0;
  rows: Array<ReportRow> = [];
}

/**
 * Closes the program's next open epoch once it has ended (only attestors during `report_window`): computes every
 * payout into claimable balances, returns the unallocated budget and any excess buffer to the treasury.
 * Waits (fails, changing nothing) while the oracle price is unhealthy or stale.
 * @msg ExecuteMsg close_epoch
 */
export class CloseEpochMsg {
  program_id: u64 = 0;
}

/** Sends the sender's claimable balance of a program. @msg ExecuteMsg claim */
export class ClaimMsg {
  program_id: u64 = 0;
}

/** Admin only: a discretionary grant, credited to the provider's claimable balance. @msg ExecuteMsg grant */
export class GrantMsg {
  program_id: u64 = 0;
  pool: string = "";
  provider: string = "";
  amount: Uint128 = Uint128.zero();
}

/**
 * Permissionless after `end + grace`: returns everything the program still holds (unclaimed balances included) to
 * its treasury and closes it.
 * @msg ExecuteMsg sweep
 */
export class SweepMsg {
  program_id: u64 = 0;
}

/**
 * Lease revenue of program hardware (attached coins, anyone): the fee tier's share goes to the operator, the rest to
 * the treasury, in the same transaction.
 * @msg ExecuteMsg deposit_revenue
 * @payable
 */
export class DepositRevenueMsg {
  program_id: u64 = 0;
  /** @enum spot reservation */
  kind: string = "";
}

/** Admin only; absent fields keep their value. @msg ExecuteMsg update_config */
export class UpdateConfigMsg {
  admin: string | null = null;
  oracle: string | null = null;
  feed_id: string | null = null;
  max_price_age: Some<u64> | null = null;
}

/** @msg QueryMsg config @returns ConfigResponse */
export class ConfigQuery {}

/** @msg QueryMsg program @returns ProgramResponse */
export class ProgramQuery {
  program_id: u64 = 0;
}

/** Pools of a program with their running state. @msg QueryMsg pools @returns PoolsResponse */
export class PoolsQuery {
  program_id: u64 = 0;
}

/** An epoch's totals and its report rows (with payouts once closed), by pool then provider. @msg QueryMsg epoch @returns EpochResponse */
export class EpochQuery {
  program_id: u64 = 0;
  epoch: u32 = 0;
  pool: string = "";
  start_after: string | null = null;
  /** @optional default 10, max 30 */
  limit: u32 = 10;
}

/** @msg QueryMsg provider @returns ProviderResponse */
export class ProviderQuery {
  program_id: u64 = 0;
  provider: string = "";
}

/** Funded, paid, returned by reason, USD remaining and excess at the current price. @msg QueryMsg budget @returns BudgetResponse */
export class BudgetQuery {
  program_id: u64 = 0;
}

// ------------------------------------------------------------------------------------------------------------------
// Responses

export class ConfigResponse {
  admin: string = "";
  oracle: string = "";
  feed_id: string = "";
  max_price_age: u64 = 0;
  denom: string = "";
  next_program_id: u64 = 0;
  /** uakt held for all programs (balances plus unclaimed). */
  held: Uint128 = Uint128.zero();
}

export class ProgramResponse {
  id: u64 = 0;
  program: ProgramDef = new ProgramDef();
  num_epochs: u32 = 0;
  /** The first epoch not yet closed (= num_epochs when all are). */
  next_epoch: u32 = 0;
  swept: bool = false;
}

/** A pool's running state: `carry` (liquidity mining: dust kept for the next epoch), `usd_remaining` (committed), `granted` (discretionary). */
export class PoolState {
  name: string = "";
  /** @enum committed liquidity_mining discretionary */
  kind: string = "";
  paid: Uint128 = Uint128.zero();
  carry: Uint128 = Uint128.zero();
  usd_remaining: Decimal = Decimal.zero();
  granted: Uint128 = Uint128.zero();
}

export class PoolsResponse {
  pools: Array<PoolState> = [];
}

/** A report row and, once the epoch is closed, its payout. */
export class RowResponse {
  provider: string = "";
  gpu_model: string = "";
  gpu_count: u32 = 0;
  uptime_bps: u32 = 0;
  utilization_bps: u32 = 0;
  /** Committed pools: the USD owed (before any budget cap). */
  usd: Decimal = Decimal.zero();
  payout: Uint128 = Uint128.zero();
}

/** One pool's totals in an epoch. */
export class EpochPool {
  name: string = "";
  rows: u32 = 0;
  paid: Uint128 = Uint128.zero();
  unallocated: Uint128 = Uint128.zero();
  usd_owed: Decimal = Decimal.zero();
  usd_paid: Decimal = Decimal.zero();
}

export class EpochResponse {
  epoch: u32 = 0;
  start: u64 = 0;
  end: u64 = 0;
  closed: bool = false;
  /** AKT/USD price used at close (0 when none was needed). */
  price: Decimal = Decimal.zero();
  excess_returned: Uint128 = Uint128.zero();
  pools: Array<EpochPool> = [];
  rows: Array<RowResponse> = [];
}

export class ProviderResponse {
  provider: string = "";
  earned: Uint128 = Uint128.zero();
  claimed: Uint128 = Uint128.zero();
  /** 0 after the sweep (unclaimed balances were returned). */
  claimable: Uint128 = Uint128.zero();
}

/** `funded = claimed + returned_* + balance`, always; `balance` = `available` + `unclaimed`. */
export class BudgetResponse {
  funded: Uint128 = Uint128.zero();
  /** Credited to providers (claimable or claimed). */
  paid: Uint128 = Uint128.zero();
  claimed: Uint128 = Uint128.zero();
  unclaimed: Uint128 = Uint128.zero();
  returned_unallocated: Uint128 = Uint128.zero();
  returned_program_end: Uint128 = Uint128.zero();
  returned_excess_buffer: Uint128 = Uint128.zero();
  /** What the contract holds for the program. */
  balance: Uint128 = Uint128.zero();
  /** `balance − unclaimed`: not yet credited to anyone. */
  available: Uint128 = Uint128.zero();
  /** uakt the liquidity-mining and discretionary pools still need. */
  reserved: Uint128 = Uint128.zero();
  usd_remaining: Decimal = Decimal.zero();
  revenue: Uint128 = Uint128.zero();
  /** Current oracle price, or null when unhealthy/stale (then `excess` is null too). */
  price: Decimal | null = null;
  /** uakt beyond the reserved amounts and the remaining USD need × (1 + buffer) at `price`. */
  excess: Uint128 | null = null;
}
