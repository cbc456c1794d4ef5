// QueryMsg handlers, one per variant (`query` + the variant in PascalCase), each returning its response class; the
// generated dispatch writes the JSON. Lists paginate with `start_after`/`limit` (default 10, max 30) over a key range:
// either the record's own map or a reverse index, never a scan of all accounts.

import { Answer, Context, Key, Order, Some, Uint128, answer, refuse, splitKey, utf8Decode } from "../std";
import * as E from "./error";
import {
  AccountHealthQuery,
  AccountQuery,
  AccountResponse,
  AccountsByDepositorQuery,
  AccountsByOwnerQuery,
  AccountsResponse,
  AlertResponse,
  AlertsQuery,
  AlertsResponse,
  ConfigQuery,
  ConfigResponse,
  DenomConfigMsg,
  DenomFunds,
  DenomHealth,
  DepositsQuery,
  DepositsResponse,
  Expiration,
  GrantQuery,
  GrantResponse,
  GrantsByGranteeQuery,
  GrantsBySponsorQuery,
  GrantsResponse,
  HealthResponse,
  Limits,
  PaymentQuery,
  PaymentResponse,
  PaymentsByProviderQuery,
  PaymentsQuery,
  PaymentsResponse,
} from "./msg";
import {
  ACCOUNTS,
  ALERTS,
  Account,
  CONFIG,
  DEPOSITOR_INDEX,
  GRANTEE_INDEX,
  GRANTS,
  Grant,
  OWNER_INDEX,
  PAYMENTS,
  PROVIDER_INDEX,
  Payment,
  depositResponse,
  GRANT_SCOPES,
  grantKey,
  paymentKey,
  paymentResponse,
} from "./state";
import { loadLivePayments } from "./settle";
import { denomHealth } from "./alerts";

/** cw-plus's page size: 10 by default (the field's initial value), at most 30. */
function pageSize(limit: u32): i32 {
  return limit > 30 ? 30 : <i32>limit;
}

function strKey(s: string | null): Key | null {
  return s === null ? null : Key.str(s);
}

export function accountResponse(a: Account, ps: Array<Payment>): AccountResponse {
  const r = new AccountResponse();
  r.id = a.id;
  r.owner = a.owner;
  r.state = a.state;
  r.created_at = a.createdAt;
  r.settled_at = a.settledAt;
  const denoms = a.denoms();
  for (let i = 0; i < denoms.length; i++) {
    const b = a.book(denoms[i]);
    const f = new DenomFunds();
    f.denom = b.denom;
    f.amount = a.funds(b.denom);
    f.peak = b.peak;
    f.transferred = b.transferred;
    let debt = Uint128.zero();
    for (let j = 0; j < ps.length; j++) if (ps[j].denom == b.denom) debt = debt.add(ps[j].unsettled);
    f.debt = debt;
    r.funds.push(f);
  }
  r.deposit_count = a.deposits.length;
  r.payment_ids = a.payments;
  r.alert_count = a.alertCount;
  return r;
}

function grantResponse(g: Grant, height: u64): GrantResponse {
  const r = new GrantResponse();
  r.sponsor = g.sponsor;
  r.grantee = g.grantee;
  r.balances = g.balances;
  if (g.expiresAt != 0) {
    const e = new Expiration();
    e.at_height = g.expiresAt;
    r.expires_at = e;
  }
  r.scopes = g.scoped ? GRANT_SCOPES().load(grantKey(g.sponsor, g.grantee)) : null;
  r.expired = g.expired(height);
  return r;
}

function loadAccount(id: string): Account | null {
  return ACCOUNTS().load(Key.str(id));
}

export function queryConfig(_ctx: Context, _m: ConfigQuery): Answer<ConfigResponse> {
  const c = CONFIG().mustLoad();
  const r = new ConfigResponse();
  r.admin = c.admin;
  for (let i = 0; i < c.denoms.length; i++) {
    const d = new DenomConfigMsg();
    d.denom = c.denoms[i].denom;
    d.min_deposit = c.denoms[i].minDeposit;
    r.denoms.push(d);
  }
  const l = new Limits();
  l.max_deposits = c.maxDeposits;
  l.max_payments = c.maxPayments;
  l.max_alerts = c.maxAlerts;
  l.max_scopes = new Some<u32>(c.maxScopes);
  r.limits = l;
  r.block_time = c.blockTime;
  return answer(r);
}

export function queryAccount(_ctx: Context, m: AccountQuery): Answer<AccountResponse> {
  const a = loadAccount(m.id);
  if (a === null) return refuse<AccountResponse>(E.accountNotFound(m.id));
  return answer(accountResponse(a, loadLivePayments(a)));
}

export function queryAccountHealth(ctx: Context, m: AccountHealthQuery): Answer<HealthResponse> {
  const a = loadAccount(m.id);
  if (a === null) return refuse<HealthResponse>(E.accountNotFound(m.id));
  const ps = loadLivePayments(a);
  const c = CONFIG().mustLoad();
  const height = ctx.env.block.height;
  const r = new HealthResponse();
  r.id = a.id;
  r.state = a.state;
  r.height = height;
  const denoms = a.denoms();
  for (let i = 0; i < denoms.length; i++) {
    const h = denomHealth(a, ps, denoms[i], c.blockTime, height);
    const d = new DenomHealth();
    d.denom = h.denom;
    d.balance = h.balance;
    d.burn_rate = h.burnRate;
    if (h.burning) {
      d.blocks_left = new Some<u64>(h.blocksLeft);
      d.seconds_left = new Some<u64>(h.secondsLeft);
    }
    d.peak = h.peak;
    d.debt = h.debt;
    r.denoms.push(d);
  }
  return answer(r);
}

export function queryPayment(_ctx: Context, m: PaymentQuery): Answer<PaymentResponse> {
  const x = PAYMENTS().load(paymentKey(m.id, m.payment_id));
  if (x === null) return refuse<PaymentResponse>(E.paymentNotFound(m.id, m.payment_id));
  return answer(paymentResponse(x));
}

export function queryPayments(_ctx: Context, m: PaymentsQuery): Answer<PaymentsResponse> {
  const page = PAYMENTS().range(Key.str(m.id), strKey(m.start_after), pageSize(m.limit), Order.Ascending);
  const r = new PaymentsResponse();
  for (let i = 0; i < page.length; i++) r.payments.push(paymentResponse(page[i].value));
  return answer(r);
}

export function queryDeposits(_ctx: Context, m: DepositsQuery): Answer<DepositsResponse> {
  const a = loadAccount(m.id);
  if (a === null) return refuse<DepositsResponse>(E.accountNotFound(m.id));
  const limit = pageSize(m.limit);
  const r = new DepositsResponse();
  // Entries are in spending order, which is also seq order.
  for (let i = 0; i < a.deposits.length && r.deposits.length < limit; i++) {
    const d = a.deposits[i];
    if (d.seq > m.start_after) r.deposits.push(depositResponse(d));
  }
  return answer(r);
}

/** Accounts listed through a (who, id) index. */
function accountsByIndex(owners: bool, addr: string, after: string | null, limit: u32): AccountsResponse {
  const idx = owners ? OWNER_INDEX() : DEPOSITOR_INDEX();
  const ids = idx.keys(Key.str(addr), strKey(after), pageSize(limit), Order.Ascending);
  const accounts = ACCOUNTS();
  const r = new AccountsResponse();
  for (let i = 0; i < ids.length; i++) {
    const a = accounts.load(Key.bytes(ids[i]));
    if (a !== null) r.accounts.push(accountResponse(a, loadLivePayments(a)));
  }
  return r;
}

export function queryAccountsByOwner(_ctx: Context, m: AccountsByOwnerQuery): Answer<AccountsResponse> {
  return answer(accountsByIndex(true, m.owner, m.start_after, m.limit));
}

export function queryAccountsByDepositor(_ctx: Context, m: AccountsByDepositorQuery): Answer<AccountsResponse> {
  return answer(accountsByIndex(false, m.depositor, m.start_after, m.limit));
}

export function queryPaymentsByProvider(_ctx: Context, m: PaymentsByProviderQuery): Answer<PaymentsResponse> {
  const sa = m.start_after;
  let after: Key | null = null;
  if (sa !== null) after = Key.pair(Key.str(sa.id), Key.str(sa.payment_id));
  const keys = PROVIDER_INDEX().keys(Key.str(m.provider), after, pageSize(m.limit), Order.Ascending);
  const payments = PAYMENTS();
  const r = new PaymentsResponse();
  for (let i = 0; i < keys.length; i++) {
    const parts = splitKey(keys[i], 2);
    const x = payments.load(paymentKey(utf8Decode(parts[0]), utf8Decode(parts[1])));
    if (x !== null) r.payments.push(paymentResponse(x));
  }
  return answer(r);
}

export function queryGrant(ctx: Context, m: GrantQuery): Answer<GrantResponse> {
  const g = GRANTS().load(grantKey(m.sponsor, m.grantee));
  if (g === null) return refuse<GrantResponse>(E.grantNotFound(m.sponsor, m.grantee));
  return answer(grantResponse(g, ctx.env.block.height));
}

export function queryGrantsBySponsor(ctx: Context, m: GrantsBySponsorQuery): Answer<GrantsResponse> {
  const page = GRANTS().range(Key.str(m.sponsor), strKey(m.start_after), pageSize(m.limit), Order.Ascending);
  const r = new GrantsResponse();
  for (let i = 0; i < page.length; i++) r.grants.push(grantResponse(page[i].value, ctx.env.block.height));
  return answer(r);
}

export function queryGrantsByGrantee(ctx: Context, m: GrantsByGranteeQuery): Answer<GrantsResponse> {
  const sponsors = GRANTEE_INDEX().keys(Key.str(m.grantee), strKey(m.start_after), pageSize(m.limit), Order.Ascending);
  const grants = GRANTS();
  const r = new GrantsResponse();
  for (let i = 0; i < sponsors.length; i++) {
    const g = grants.load(grantKey(utf8Decode(sponsors[i]), m.grantee));
    if (g !== null) r.grants.push(grantResponse(g, ctx.env.block.height));
  }
  return answer(r);
}

export function queryAlerts(_ctx: Context, m: AlertsQuery): Answer<AlertsResponse> {
  const page = ALERTS().range(Key.str(m.id), null, pageSize(m.limit), Order.Ascending);
  const r = new AlertsResponse();
  for (let i = 0; i < page.length; i++) {
    const a = page[i].value;
    const x = new AlertResponse();
    x.registrant = a.registrant;
    x.denom = a.denom;
    x.kind = a.kind;
    x.threshold = a.threshold;
    x.percent = a.percent;
    x.armed = a.armed;
    x.fired = a.fired;
    r.alerts.push(x);
  }
  return answer(r);
}
