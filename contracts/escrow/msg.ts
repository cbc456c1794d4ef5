// Messages of the escrow contract, defined once: scripts/codegen generates their parsers, response writers and
// dispatch (gen/) and the JSON Schemas (schema/escrow) from the classes below; docs/contracts.md has the tags.
// AssemblyScript cannot express `u32 | null`: optional integers are `@optional` fields whose initial value is the
// default when absent, or `Some<u64> | null` where absent must be told apart from any value.

import { Coin, Decimal, Some, Uint128 } from "../std";

/** A denom the escrow accepts and the minimum opening deposit in it. */
export class DenomConfigMsg {
  /** A bank denom, or `cw20:<token address>` for a CW20 token paid in through `receive`. */
  denom: string = "";
  /** Default 500000 (0.5 AKT for uakt, as Akash's MinDeposits). */
  min_deposit: Uint128 | null = null;
}

/** Bounds on the work one call can do. */
export class Limits {
  /** Maximum deposit entries per account (default 50). */
  max_deposits: u32 = 50;
  /** Maximum payments per account that settlement visits (default 10). */
  max_payments: u32 = 10;
  /** Maximum alerts per account (default 10). */
  max_alerts: u32 = 10;
  /** Maximum account ids in one grant's `scopes` (default 20, at most 100); absent keeps the current value. */
  max_scopes: Some<u32> | null = null;
}

/** Expiry as cw-utils' `Expiration::AtHeight`: the grant cannot be drawn from this height on. */
export class Expiration {
  at_height: u64 = 0;
}

/** Exactly one threshold; the alert fires when the value drops below it. */
export class AlertBelow {
  /** Balance in micro-units of the alert's denom. */
  amount: Uint128 | null = null;
  /** Estimated blocks until the denom's balance is spent at the current burn rate. */
  blocks_left: Some<u64> | null = null;
  /** Percent (0 < p ≤ 100) of the highest balance seen after a deposit. */
  percent_of_peak: Decimal | null = null;
}

/**
 * Sets up the escrow. Admin = governance: the only address allowed to `update_config`.
 * @msg InstantiateMsg
 */
export class InstantiateMsg {
  admin: string = "";
  /** Accepted denoms (at most 10); default `[{"denom":"uakt","min_deposit":"500000"}]`. */
  denoms: Array<DenomConfigMsg> | null = null;
  limits: Limits | null = null;
  /** Average block time in seconds for health estimates; default "6.5" (Akash's AverageBlockTime). */
  block_time: Decimal | null = null;
}

/**
 * Opens an account with the attached funds (or `amount` drawn from `sources`); at least the denom's `min_deposit`.
 * @msg ExecuteMsg create_account
 * @payable
 */
export class CreateAccountMsg {
  /** Global id, 1–128 characters of [A-Za-z0-9._:/-]; Akash's `<owner>/<dseq>` form is recommended. */
  id: string = "";
  /** Total to deposit; default: the single attached coin. Required when `sources` includes `grant`. */
  amount: Coin | null = null;
  /** @enum balance grant  Where the amount comes from, in order; default `["balance"]` (the attached funds). */
  sources: Array<string> | null = null;
  /**
   * Sponsors whose grants the `grant` source draws from, in this order (at most 30), so grants nobody asked for are
   * never drawn; null = the sender's first 30 grants by sponsor address.
   */
  sponsors: Array<string> | null = null;
}

/**
 * Adds funds to an account; anyone may deposit and gains no control over the account. Into an overdrawn account the
 * deposit pays the debt and then closes the account (Akash v2).
 * @msg ExecuteMsg deposit
 * @payable
 */
export class DepositMsg {
  id: string = "";
  amount: Coin | null = null;
  /** @enum balance grant */
  sources: Array<string> | null = null;
  /** As in create_account: the sponsors to draw from, in order. */
  sponsors: Array<string> | null = null;
}

/**
 * Funds (or tops up) a sponsor grant: the grantee may draw the attached coins into deposits (source `grant`);
 * those deposits record the sponsor as depositor and refunds restore the grant.
 * @msg ExecuteMsg grant
 * @payable
 */
export class GrantMsg {
  grantee: string = "";
  /** Replaces the previous expiry; null = never. */
  expires_at: Expiration | null = null;
  /** Account ids the grant may fund; null = any. Replaces the previous scopes. */
  scopes: Array<string> | null = null;
}

/**
 * Returns the unused grant balance to the sponsor and deletes the grant; later refunds of its deposits go straight
 * to the sponsor.
 * @msg ExecuteMsg revoke_grant
 */
export class RevokeGrantMsg {
  grantee: string = "";
}

/**
 * Opens a payment (a lease) that drains `rate` of `denom` per block from the account. Owner only.
 * @msg ExecuteMsg create_payment
 */
export class CreatePaymentMsg {
  id: string = "";
  payment_id: string = "";
  provider: string = "";
  denom: string = "";
  /** Amount per block, > 0 and ≤ 10^18. */
  rate: Decimal = Decimal.zero();
}

/**
 * Sends the payment's accrued balance to the provider. Provider only.
 * @msg ExecuteMsg withdraw
 */
export class WithdrawMsg {
  id: string = "";
  payment_id: string = "";
}

/**
 * Settles, pays the provider and closes the payment. Owner or provider.
 * @msg ExecuteMsg close_payment
 */
export class ClosePaymentMsg {
  id: string = "";
  payment_id: string = "";
}

/**
 * Settles the account up to the current block. Permissionless, so keepers can detect overdrafts promptly.
 * @msg ExecuteMsg settle
 */
export class SettleMsg {
  id: string = "";
}

/**
 * Settles, pays providers, refunds each depositor its own remainder in deposit order and closes the account for good.
 * Owner only.
 * @msg ExecuteMsg close_account
 */
export class CloseAccountMsg {
  id: string = "";
}

/**
 * Registers (or replaces) a balance alert; owner or a current depositor. Emits `wasm-escrow_alert` once per crossing.
 * @msg ExecuteMsg set_alert
 */
export class SetAlertMsg {
  id: string = "";
  denom: string = "";
  below: AlertBelow = new AlertBelow();
}

/**
 * Removes the sender's alert, or (owner only) any registrant's alert on the account.
 * @msg ExecuteMsg remove_alert
 */
export class RemoveAlertMsg {
  id: string = "";
  denom: string = "";
  /** @enum amount blocks_left percent_of_peak */
  kind: string = "";
  /** Whose alert; default the sender. Only the account owner may name someone else. */
  registrant: string | null = null;
}

/**
 * Governance only. Absent fields keep their value. Removing a denom stops new deposits in it; existing funds,
 * payments and refunds in it are unaffected.
 * @msg ExecuteMsg update_config
 */
export class UpdateConfigMsg {
  admin: string | null = null;
  denoms: Array<DenomConfigMsg> | null = null;
  limits: Limits | null = null;
  block_time: Decimal | null = null;
}

/**
 * The CW20 receive hook. An accepted CW20 token (a `cw20:<token address>` entry of `denoms`) calls it when `sender`
 * sends `amount` to the escrow with `send { contract, amount, msg }`. `msg` is the base64 of one JSON `ReceiveMsg`:
 * `{"create_account": …}`, `{"deposit": …}` or `{"grant": …}` with the bodies of those execute variants. The tokens
 * are that message's attached funds, in denom `cw20:<token address>`, and `sender` is its sender.
 * @msg ExecuteMsg receive
 * @hook create_account deposit grant
 */
export class Cw20ReceiveMsg {
  /** Who sent the tokens: the depositor (or sponsor), as the token contract reports it. */
  sender: string = "";
  amount: Uint128 = Uint128.zero();
  /** Base64 JSON of the ReceiveMsg. */
  msg: Uint8Array = new Uint8Array(0);
}

/** @msg MigrateMsg */
export class MigrateMsg {}

/** @msg QueryMsg config @returns ConfigResponse */
export class ConfigQuery {}

/** @msg QueryMsg account @returns AccountResponse */
export class AccountQuery {
  id: string = "";
}

/** @msg QueryMsg payment @returns PaymentResponse */
export class PaymentQuery {
  id: string = "";
  payment_id: string = "";
}

/** Payments of one account (open and closed), by payment id. @msg QueryMsg payments @returns PaymentsResponse */
export class PaymentsQuery {
  id: string = "";
  start_after: string | null = null;
  /** @optional default 10, max 30 */
  limit: u32 = 10;
}

/** Deposit entries of one account in spending order. @msg QueryMsg deposits @returns DepositsResponse */
export class DepositsQuery {
  id: string = "";
  /** @optional a `seq` from a previous page */
  start_after: u64 = 0;
  /** @optional default 10, max 30 */
  limit: u32 = 10;
}

/** @msg QueryMsg accounts_by_owner @returns AccountsResponse */
export class AccountsByOwnerQuery {
  owner: string = "";
  start_after: string | null = null;
  /** @optional default 10, max 30 */
  limit: u32 = 10;
}

/** Accounts the address ever funded (directly, or as a grant's sponsor). @msg QueryMsg accounts_by_depositor @returns AccountsResponse */
export class AccountsByDepositorQuery {
  depositor: string = "";
  start_after: string | null = null;
  /** @optional default 10, max 30 */
  limit: u32 = 10;
}

/** Position in a payments-by-provider listing. */
export class PaymentRef {
  id: string = "";
  payment_id: string = "";
}

/** @msg QueryMsg payments_by_provider @returns PaymentsResponse */
export class PaymentsByProviderQuery {
  provider: string = "";
  start_after: PaymentRef | null = null;
  /** @optional default 10, max 30 */
  limit: u32 = 10;
}

/** @msg QueryMsg grant @returns GrantResponse */
export class GrantQuery {
  sponsor: string = "";
  grantee: string = "";
}

/** @msg QueryMsg grants_by_sponsor @returns GrantsResponse */
export class GrantsBySponsorQuery {
  sponsor: string = "";
  /** a grantee */
  start_after: string | null = null;
  /** @optional default 10, max 30 */
  limit: u32 = 10;
}

/** @msg QueryMsg grants_by_grantee @returns GrantsResponse */
export class GrantsByGranteeQuery {
  grantee: string = "";
  /** a sponsor */
  start_after: string | null = null;
  /** @optional default 10, max 30 */
  limit: u32 = 10;
}

/** Balance, burn rate and time to depletion per denom, projected to the current block. @msg QueryMsg account_health @returns HealthResponse */
export class AccountHealthQuery {
  id: string = "";
}

/** @msg QueryMsg alerts @returns AlertsResponse */
export class AlertsQuery {
  id: string = "";
  /** @optional default 10, max 30 */
  limit: u32 = 10;
}

// ------------------------------------------------------------------------------------------------------------------
// Responses: query handlers return these; the generated writers turn them into JSON

export class ConfigResponse {
  admin: string = "";
  denoms: Array<DenomConfigMsg> = [];
  limits: Limits = new Limits();
  block_time: Decimal = Decimal.zero();
}

export class DenomFunds {
  denom: string = "";
  /** Unspent deposits in this denom. */
  amount: Uint128 = Uint128.zero();
  peak: Uint128 = Uint128.zero();
  transferred: Uint128 = Uint128.zero();
  /** Unpaid amounts owed to payments (overdrawn accounts). */
  debt: Uint128 = Uint128.zero();
}

export class AccountResponse {
  id: string = "";
  owner: string = "";
  /** @enum open overdrawn closed */
  state: string = "";
  created_at: u64 = 0;
  settled_at: u64 = 0;
  funds: Array<DenomFunds> = [];
  deposit_count: u32 = 0;
  /** Payments settlement visits. */
  payment_ids: Array<string> = [];
  alert_count: u32 = 0;
}

export class AccountsResponse {
  accounts: Array<AccountResponse> = [];
}

export class DepositResponse {
  seq: u64 = 0;
  depositor: string = "";
  /** @enum balance grant */
  source: string = "";
  /** The grantee whose grant was drawn (grant entries), else "". */
  grantee: string = "";
  denom: string = "";
  /** Unspent remainder. */
  amount: Uint128 = Uint128.zero();
  deposited: Uint128 = Uint128.zero();
  height: u64 = 0;
}

export class DepositsResponse {
  deposits: Array<DepositResponse> = [];
}

export class PaymentResponse {
  id: string = "";
  payment_id: string = "";
  provider: string = "";
  denom: string = "";
  rate: Decimal = Decimal.zero();
  /** Fraction owed but not yet accrued (< 1), carried to the next settlement. */
  carry: Decimal = Decimal.zero();
  /** @enum open overdrawn closed */
  state: string = "";
  /** Accrued, not withdrawn. */
  balance: Uint128 = Uint128.zero();
  /** Debt: owed but unpaid since the overdraft. */
  unsettled: Uint128 = Uint128.zero();
  withdrawn: Uint128 = Uint128.zero();
  created_at: u64 = 0;
  closed_at: u64 = 0;
}

export class PaymentsResponse {
  payments: Array<PaymentResponse> = [];
}

export class GrantResponse {
  sponsor: string = "";
  grantee: string = "";
  balances: Array<Coin> = [];
  expires_at: Expiration | null = null;
  scopes: Array<string> | null = null;
  expired: bool = false;
}

export class GrantsResponse {
  grants: Array<GrantResponse> = [];
}

export class DenomHealth {
  denom: string = "";
  /** Balance projected to the current block (settlement not yet written). */
  balance: Uint128 = Uint128.zero();
  /** Sum of the open payments' rates per block. */
  burn_rate: Decimal = Decimal.zero();
  /** floor(balance / burn_rate); null when nothing burns this denom */
  blocks_left: Some<u64> | null = null;
  /** blocks_left × block_time, floored; null with blocks_left */
  seconds_left: Some<u64> | null = null;
  peak: Uint128 = Uint128.zero();
  debt: Uint128 = Uint128.zero();
}

export class HealthResponse {
  id: string = "";
  /** @enum open overdrawn closed */
  state: string = "";
  height: u64 = 0;
  denoms: Array<DenomHealth> = [];
}

export class AlertResponse {
  registrant: string = "";
  denom: string = "";
  /** @enum amount blocks_left percent_of_peak */
  kind: string = "";
  /** amount or blocks; "0" for percent_of_peak */
  threshold: Uint128 = Uint128.zero();
  percent: Decimal = Decimal.zero();
  armed: bool = false;
  fired: u64 = 0;
}

export class AlertsResponse {
  alerts: Array<AlertResponse> = [];
}
