// QueryMsg handlers, one per variant, each returning its response class; the generated dispatch writes the JSON.
// Lists paginate with `start_after`/`limit` (default 10, at most 30) over a key range.

import { Answer, Context, Entry, Key, Order, Some, Uint128, answer, clampLimit, refuse, utf8Decode } from "../std";
import * as E from "./error";
import {
  AllAccountsQuery,
  AllAccountsResponse,
  BalanceQuery,
  BalanceResponse,
  ConfigQuery,
  ConfigResponse,
  LedgerQuery,
  MinterQuery,
  MinterResponse,
  PendingQuery,
  RecordInfo,
  RecordsResponse,
  SimulateMintQuery,
  SimulateRedeemQuery,
  SimulateResponse,
  StatusQuery,
  StatusResponse,
  TokenInfoQuery,
  TokenInfoResponse,
  VaultQuery,
  VaultResponse,
} from "./msg";
import { Exec } from "./exec";
import { liveStatus } from "./price";
import { conversionError, convert } from "./queue";
import {
  BALANCES,
  CONFIG,
  KIND_MINT,
  KIND_REDEEM,
  LEDGER,
  QUEUE,
  STATE,
  balanceOf,
  kindByte,
  statusName,
} from "./state";
import { checkAddr } from "./validate";

export function queryTokenInfo(_ctx: Context, _m: TokenInfoQuery): Answer<TokenInfoResponse> {
  const r = new TokenInfoResponse();
  r.name = "Akash Compute Token";
  r.symbol = "ACT";
  r.decimals = 6;
  r.total_supply = STATE().mustLoad().supply;
  return answer(r);
}

export function queryBalance(_ctx: Context, m: BalanceQuery): Answer<BalanceResponse> {
  const e = checkAddr("address", m.address);
  if (e !== null) return refuse<BalanceResponse>(e);
  const r = new BalanceResponse();
  r.balance = balanceOf(m.address);
  return answer(r);
}

export function queryMinter(ctx: Context, _m: MinterQuery): Answer<MinterResponse> {
  const r = new MinterResponse();
  r.minter = ctx.env.contract.address;
  return answer(r);
}

export function queryAllAccounts(_ctx: Context, m: AllAccountsQuery): Answer<AllAccountsResponse> {
  const after = m.start_after;
  const keys = BALANCES().keys(
    null,
    after !== null ? Key.str(after) : null,
    clampLimit(<i32>m.limit, true),
    Order.Ascending,
  );
  const r = new AllAccountsResponse();
  for (let i = 0; i < keys.length; i++) r.accounts.push(utf8Decode(keys[i]));
  return answer(r);
}

export function queryConfig(_ctx: Context, _m: ConfigQuery): Answer<ConfigResponse> {
  return answer(CONFIG().mustLoad());
}

export function queryStatus(_ctx: Context, _m: StatusQuery): Answer<StatusResponse> {
  const cfg = CONFIG().mustLoad();
  const st = STATE().mustLoad();
  const live = liveStatus(cfg, st);
  const r = new StatusResponse();
  r.status = statusName(live.status);
  r.stored_status = statusName(st.status);
  r.previous_status = statusName(st.previous);
  r.collateral_ratio_bps = live.crBps < 0 ? null : new Some<u64>(<u64>live.crBps);
  r.price = live.price;
  r.price_error = live.error;
  r.epoch_height_diff = st.epochDiff;
  r.next_mint_epoch = st.next[KIND_MINT];
  r.next_redeem_epoch = st.next[KIND_REDEEM];
  return answer(r);
}

export function queryVault(_ctx: Context, _m: VaultQuery): Answer<VaultResponse> {
  const st = STATE().mustLoad();
  const r = new VaultResponse();
  r.vault_uakt = st.vault;
  r.remint_credits = st.remint;
  r.pending_uakt = st.pendingAkt;
  r.pending_uact = st.pendingAct;
  r.act_supply = st.supply;
  r.total_burned_uakt = st.burnedAkt;
  r.total_burned_uact = st.burnedAct;
  r.total_minted_uakt = st.mintedAkt;
  r.total_minted_uact = st.mintedAct;
  r.requested = st.requested;
  r.executed = st.executed;
  r.cancelled = st.cancelled;
  return answer(r);
}

function records(list: Array<RecordInfo>): Answer<RecordsResponse> {
  const r = new RecordsResponse();
  r.records = list;
  return answer(r);
}

function values(entries: Array<Entry<RecordInfo>>): Array<RecordInfo> {
  const out = new Array<RecordInfo>();
  for (let i = 0; i < entries.length; i++) out.push(entries[i].value);
  return out;
}

export function queryPending(_ctx: Context, m: PendingQuery): Answer<RecordsResponse> {
  const after = m.start_after;
  const kind = m.kind == "mint" ? KIND_MINT : KIND_REDEEM;
  const limit = clampLimit(<i32>m.limit, true);
  const e = QUEUE().range(
    Key.bytes(kindByte(kind)),
    after !== null ? Key.u64(after.value) : null,
    limit,
    Order.Ascending,
  );
  return records(values(e));
}

export function queryLedger(_ctx: Context, m: LedgerQuery): Answer<RecordsResponse> {
  const after = m.start_after;
  const limit = clampLimit(<i32>m.limit, true);
  return records(values(LEDGER().range(null, after !== null ? Key.u64(after.value) : null, limit, Order.Ascending)));
}

function simulate(ctx: Context, kind: u8, amount: Uint128): Answer<SimulateResponse> {
  if (amount.isZero()) return refuse<SimulateResponse>(E.AMOUNT_ZERO);
  const x = new Exec(ctx);
  const live = liveStatus(x.cfg, x.state());
  const price = live.price;
  if (price === null) return refuse<SimulateResponse>(E.priceUnavailable(live.error!));
  const c = convert(x, kind, amount, price);
  if (c.reason !== null) return refuse<SimulateResponse>(conversionError(x, c));
  const r = new SimulateResponse();
  r.price = price;
  r.minted = c.minted;
  r.spread = c.spread;
  r.paid = c.paid;
  return answer(r);
}

export function querySimulateMint(ctx: Context, m: SimulateMintQuery): Answer<SimulateResponse> {
  return simulate(ctx, KIND_MINT, m.amount);
}

export function querySimulateRedeem(ctx: Context, m: SimulateRedeemQuery): Answer<SimulateResponse> {
  return simulate(ctx, KIND_REDEEM, m.amount);
}
