// Messages of the bme contract (burn-mint equilibrium, AEP-76), defined once: scripts/codegen generates their parsers,
// response writers and dispatch (gen/) and the JSON Schemas (schema/bme); docs/contracts.md has the tags, docs/bme.md
// the rules. ACT (6 decimals) is a CW20 ledger inside this contract; AKT is the chain's native `uakt`.

import { Decimal, Some, Uint128 } from "../std";

/**
 * x/bme's parameters, same names and defaults (chain-sdk `go/node/bme/v1/params.go`). Thresholds in basis points of
 * the collateral ratio: `warn > halt`, both ≤ 10000; spreads ≤ 1000 bps; back-off ≤ 100 %; `min_epoch_blocks` > 0;
 * `max_endblocker_records` 1…100 (records per `process_epoch` call); `max_pending_attempts` ≥ 1. Always given whole
 * (as MsgUpdateParams); an absent `params` at instantiate means these defaults.
 */
export class Params {
  circuit_breaker_warn_threshold: u32 = 9500;
  circuit_breaker_halt_threshold: u32 = 9000;
  min_epoch_blocks: u64 = 10;
  epoch_blocks_backoff_percent: u32 = 10;
  mint_spread_bps: u32 = 25;
  settle_spread_bps: u32 = 0;
  max_endblocker_records: u32 = 50;
  /** Minimum ACT output of a mint, in uact (default 10 ACT). */
  min_mint: Uint128 = Uint128.fromU64(10_000_000);
  max_pending_attempts: u32 = 3;
}

/**
 * `admin`: governance, the only sender of `update_config` and `fund_vault`. `oracle`: the oracle contract whose
 * aggregated `price` of `akt_feed` (default the Pyth AKT/USD feed id) is used; without one the status is
 * `halt_oracle`. `burn_mode`: `hold` (default; Akash denies `BankMsg::Burn`) keeps minted-against AKT in the vault,
 * `burn` burns it. `allowed`: contracts ACT may be transferred to or from (at most 20). Attached `uakt` seeds the vault.
 * @msg InstantiateMsg
 */
export class InstantiateMsg {
  admin: string = "";
  oracle: string | null = null;
  akt_feed: string | null = null;
  /** @enum hold burn */
  burn_mode: string | null = null;
  allowed: Array<string> | null = null;
  params: Params | null = null;
}

/** @msg MigrateMsg */
export class MigrateMsg {}

/** CW20 transfer; sender or recipient must be on the allow-list. @msg ExecuteMsg transfer */
export class TransferMsg {
  recipient: string = "";
  amount: Uint128 = Uint128.zero();
}

/**
 * CW20 send: moves ACT to `contract` and calls its `receive` hook with `msg`. The contract itself as target is a
 * redemption (`redeem_act`); otherwise sender or target must be on the allow-list.
 * @msg ExecuteMsg send
 */
export class SendMsg {
  contract: string = "";
  amount: Uint128 = Uint128.zero();
  msg: Uint8Array = new Uint8Array(0);
}

/** CW20 burn: destroys the sender's ACT without redeeming it. @msg ExecuteMsg burn */
export class BurnMsg {
  amount: Uint128 = Uint128.zero();
}

/**
 * Queues a mint of ACT for the attached `uakt` (one coin). Rejected when paused, without a healthy price, under
 * `halt_cr`/`halt_oracle`, or when the current price gives less than `min_mint`.
 * @msg ExecuteMsg mint_act
 * @payable
 */
export class MintActMsg {}

/** Queues a redemption of `amount` uact of the sender's ACT for AKT (locked at once). @msg ExecuteMsg redeem_act */
export class RedeemActMsg {
  amount: Uint128 = Uint128.zero();
}

/**
 * Permissionless crank: runs the due redeem epoch, updates the status, runs the due mint epoch, at most `limit`
 * (default and maximum `max_endblocker_records`) records in all, oldest first.
 * @msg ExecuteMsg process_epoch
 */
export class ProcessEpochMsg {
  limit: Some<u32> | null = null;
}

/** Admin only: adds the attached `uakt` to the vault's free balance (no remint credits). @msg ExecuteMsg fund_vault @payable */
export class FundVaultMsg {}

/**
 * Admin only. Absent fields keep their value; `allowed` and `params` replace the whole list/set.
 * @msg ExecuteMsg update_config
 */
export class UpdateConfigMsg {
  admin: string | null = null;
  oracle: string | null = null;
  akt_feed: string | null = null;
  /** @enum hold burn */
  burn_mode: string | null = null;
  allowed: Array<string> | null = null;
  params: Params | null = null;
}

/** Admin only: stops mint_act, redeem_act (and sends to this contract) and process_epoch. @msg ExecuteMsg pause */
export class PauseMsg {}

/** Admin only: resumes after `pause`. @msg ExecuteMsg unpause */
export class UnpauseMsg {}

// ---------------------------------------------------------------------------------------------------------------
// Queries

/** @msg QueryMsg token_info @returns TokenInfoResponse */
export class TokenInfoQuery {}

/** @msg QueryMsg balance @returns BalanceResponse */
export class BalanceQuery {
  address: string = "";
}

/** @msg QueryMsg minter @returns MinterResponse */
export class MinterQuery {}

/** Holders in address order (default 10, at most 30). @msg QueryMsg all_accounts @returns AllAccountsResponse */
export class AllAccountsQuery {
  start_after: string | null = null;
  /** @optional */
  limit: u32 = 10;
}

/** @msg QueryMsg config @returns ConfigResponse */
export class ConfigQuery {}

/** Live status: computed now from the oracle price, as the next mint would see it. @msg QueryMsg status @returns StatusResponse */
export class StatusQuery {}

/** @msg QueryMsg vault @returns VaultResponse */
export class VaultQuery {}

/** Pending records of one kind in execution order. @msg QueryMsg pending @returns RecordsResponse */
export class PendingQuery {
  /** @enum mint redeem */
  kind: string = "";
  start_after: Some<u64> | null = null;
  /** @optional */
  limit: u32 = 10;
}

/** Executed and cancelled records, oldest first (the newest `LEDGER_RETENTION` are kept). @msg QueryMsg ledger @returns RecordsResponse */
export class LedgerQuery {
  start_after: Some<u64> | null = null;
  /** @optional */
  limit: u32 = 10;
}

/** What `amount` uakt would mint now (after the spread), or the error. @msg QueryMsg simulate_mint @returns SimulateResponse */
export class SimulateMintQuery {
  amount: Uint128 = Uint128.zero();
}

/** What redeeming `amount` uact would pay now, or the error. @msg QueryMsg simulate_redeem @returns SimulateResponse */
export class SimulateRedeemQuery {
  amount: Uint128 = Uint128.zero();
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

export class TokenInfoResponse {
  name: string = "";
  symbol: string = "";
  decimals: u8 = 0;
  total_supply: Uint128 = Uint128.zero();
}

export class BalanceResponse {
  balance: Uint128 = Uint128.zero();
}

export class MinterResponse {
  minter: string = "";
  cap: Uint128 | null = null;
}

export class AllAccountsResponse {
  accounts: Array<string> = new Array<string>();
}

export class ConfigResponse {
  admin: string = "";
  oracle: string | null = null;
  akt_feed: string = "";
  burn_mode: string = "";
  allowed: Array<string> = new Array<string>();
  paused: bool = false;
  params: Params = new Params();
}

/**
 * `status`: healthy | warning | halt_cr | halt_oracle, computed now; `stored_status`/`previous_status`: as of the last
 * `process_epoch`. `collateral_ratio_bps`: floor(CR × 10000), null when no ACT exists or there is no price.
 * `price`: the AKT/USD TWAP used; `price_error` why there is none.
 */
export class StatusResponse {
  status: string = "";
  stored_status: string = "";
  previous_status: string = "";
  collateral_ratio_bps: Some<u64> | null = null;
  price: Decimal | null = null;
  price_error: string | null = null;
  epoch_height_diff: u64 = 0;
  next_mint_epoch: u64 = 0;
  next_redeem_epoch: u64 = 0;
}

/**
 * Amounts in micro-units. `vault_uakt`: AKT the vault owns (seed, funding, and in hold mode the AKT of executed mints);
 * `pending_uakt`/`pending_uact`: locked in queued records. The `total_*` counters are cumulative.
 */
export class VaultResponse {
  vault_uakt: Uint128 = Uint128.zero();
  remint_credits: Uint128 = Uint128.zero();
  pending_uakt: Uint128 = Uint128.zero();
  pending_uact: Uint128 = Uint128.zero();
  act_supply: Uint128 = Uint128.zero();
  total_burned_uakt: Uint128 = Uint128.zero();
  total_burned_uact: Uint128 = Uint128.zero();
  total_minted_uakt: Uint128 = Uint128.zero();
  total_minted_uact: Uint128 = Uint128.zero();
  requested: u64 = 0;
  executed: u64 = 0;
  cancelled: u64 = 0;
}

/**
 * A pending, executed or cancelled record. `amount`: what was locked (uakt for mint, uact for redeem). When executed:
 * `price` (AKT/USD), `minted` (floor(amount × rate)), `spread`, `paid` (= minted − spread, to the owner),
 * `remint_credit` (mint: credits accrued, = amount; redeem: credits consumed) and `newly_minted` (redeem: paid beyond the credits). When cancelled: `reason`.
 */
export class RecordInfo {
  id: u64 = 0;
  /** @enum mint redeem */
  kind: string = "";
  owner: string = "";
  amount: Uint128 = Uint128.zero();
  height: u64 = 0;
  attempts: u32 = 0;
  /** @enum pending executed cancelled */
  state: string = "";
  done_height: u64 = 0;
  price: Decimal | null = null;
  minted: Uint128 = Uint128.zero();
  spread: Uint128 = Uint128.zero();
  paid: Uint128 = Uint128.zero();
  remint_credit: Uint128 = Uint128.zero();
  newly_minted: Uint128 = Uint128.zero();
  reason: string | null = null;
}

export class RecordsResponse {
  records: Array<RecordInfo> = new Array<RecordInfo>();
}

/** `minted`: floor(amount × rate); `spread` withheld; `paid` what the user would get; `price` used. */
export class SimulateResponse {
  price: Decimal = Decimal.zero();
  minted: Uint128 = Uint128.zero();
  spread: Uint128 = Uint128.zero();
  paid: Uint128 = Uint128.zero();
}
