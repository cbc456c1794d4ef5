// Queries. Lists paginate with `start_after`/`limit` (default 10, max 30) over a key range: either the record's own
// map or a reverse index, never a scan of all accounts.

import {
  Context,
  JsonObject,
  JsonValue,
  JsonWriter,
  Key,
  Order,
  Parser,
  QueryResponse,
  Uint128,
  parseVariant,
  splitKey,
  utf8Decode,
} from "../std";
import * as E from "./error";
import { parseId, parseLimit } from "./msg";
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
  grantKey,
  paymentKey,
} from "./state";
import { loadLivePayments } from "./settle";
import { denomHealth } from "./alerts";

const QUERIES: Array<string> = [
  "config",
  "account",
  "payment",
  "payments",
  "deposits",
  "accounts_by_owner",
  "accounts_by_depositor",
  "payments_by_provider",
  "grant",
  "grants_by_sponsor",
  "grants_by_grantee",
  "account_health",
  "alerts",
];

export function writeAccount(w: JsonWriter, a: Account, ps: Array<Payment>): void {
  w.beginObject().key("id").str(a.id).key("owner").str(a.owner).key("state").str(a.state);
  w.key("created_at").u64(a.createdAt).key("settled_at").u64(a.settledAt).key("funds").beginArray();
  const denoms = a.denoms();
  for (let i = 0; i < denoms.length; i++) {
    const b = a.book(denoms[i]);
    let debt = Uint128.zero();
    for (let j = 0; j < ps.length; j++) if (ps[j].denom == b.denom) debt = debt.add(ps[j].unsettled);
    w.beginObject().key("denom").str(b.denom).key("amount").uint128(a.funds(b.denom)).key("peak").uint128(b.peak);
    w.key("transferred").uint128(b.transferred).key("debt").uint128(debt).endObject();
  }
  w.endArray().key("deposit_count").u64(a.deposits.length).key("payment_ids").beginArray();
  for (let i = 0; i < a.payments.length; i++) w.str(a.payments[i]);
  w.endArray().key("alert_count").u64(a.alertCount).endObject();
}

function writePayment(w: JsonWriter, p: Payment): void {
  w.beginObject().key("id").str(p.id).key("payment_id").str(p.paymentId).key("provider").str(p.provider);
  w.key("denom").str(p.denom).key("rate").decimal(p.rate).key("carry").decimal(p.carry).key("state").str(p.state);
  w.key("balance").uint128(p.balance).key("unsettled").uint128(p.unsettled).key("withdrawn").uint128(p.withdrawn);
  w.key("created_at").u64(p.createdAt).key("closed_at").u64(p.closedAt).endObject();
}

function writeGrant(w: JsonWriter, g: Grant, height: u64): void {
  w.beginObject().key("sponsor").str(g.sponsor).key("grantee").str(g.grantee).key("balances").coins(g.balances);
  w.key("expires_at");
  if (g.expiresAt == 0) w.nul();
  else w.beginObject().key("at_height").u64(g.expiresAt).endObject();
  w.key("scopes");
  const s = g.scopes;
  if (s === null) w.nul();
  else {
    w.beginArray();
    for (let i = 0; i < s.length; i++) w.str(s[i]);
    w.endArray();
  }
  w.key("expired").bool(g.expired(height)).endObject();
}

function optStartAfter(o: JsonObject, p: Parser): Key | null {
  const s = o.optStr("start_after", p);
  return s === null ? null : Key.str(s);
}

/** Accounts listed through a (who, id) index. */
function accountsByIndex(o: JsonObject, p: Parser, who: string, owners: bool): QueryResponse {
  p.denyUnknown(o, [who, "start_after", "limit"]);
  const addr = o.str(who, p);
  const after = optStartAfter(o, p);
  const limit = parseLimit(o, p);
  if (p.failed()) return QueryResponse.err(p.message());
  const idx = owners ? OWNER_INDEX() : DEPOSITOR_INDEX();
  const ids = idx.keys(Key.str(addr), after, limit, Order.Ascending);
  const accounts = ACCOUNTS();
  const w = new JsonWriter();
  w.beginObject().key("accounts").beginArray();
  for (let i = 0; i < ids.length; i++) {
    const a = accounts.load(Key.bytes(ids[i]));
    if (a !== null) writeAccount(w, a, loadLivePayments(a));
  }
  w.endArray().endObject();
  return QueryResponse.ok(w.toString());
}

export function query(ctx: Context, msg: JsonValue): QueryResponse {
  const p = new Parser("QueryMsg");
  const v = parseVariant(msg, "QueryMsg", QUERIES, p);
  if (v === null) return QueryResponse.err(p.message());
  const o = v.body;
  const name = v.name;
  const height = ctx.env.block.height;
  const w = new JsonWriter();

  if (name == "config") {
    p.denyUnknown(o, []);
    if (p.failed()) return QueryResponse.err(p.message());
    const c = CONFIG().mustLoad();
    w.beginObject().key("admin").str(c.admin).key("denoms").beginArray();
    for (let i = 0; i < c.denoms.length; i++) {
      w.beginObject().key("denom").str(c.denoms[i].denom).key("min_deposit").uint128(c.denoms[i].minDeposit);
      w.endObject();
    }
    w.endArray().key("limits").beginObject().key("max_deposits").u64(c.maxDeposits);
    w.key("max_payments").u64(c.maxPayments).key("max_alerts").u64(c.maxAlerts).endObject();
    w.key("block_time").decimal(c.blockTime).endObject();
    return QueryResponse.ok(w.toString());
  }

  if (name == "account" || name == "account_health") {
    const id = parseId(o, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = ACCOUNTS().load(Key.str(id));
    if (a === null) return QueryResponse.err(E.accountNotFound(id));
    const ps = loadLivePayments(a);
    if (name == "account") {
      writeAccount(w, a, ps);
      return QueryResponse.ok(w.toString());
    }
    const c = CONFIG().mustLoad();
    w.beginObject().key("id").str(a.id).key("state").str(a.state).key("height").u64(height);
    w.key("denoms").beginArray();
    const denoms = a.denoms();
    for (let i = 0; i < denoms.length; i++) {
      const h = denomHealth(a, ps, denoms[i], c.blockTime, height);
      w.beginObject().key("denom").str(h.denom).key("balance").uint128(h.balance).key("burn_rate").decimal(h.burnRate);
      w.key("blocks_left");
      if (h.burning) w.u64(h.blocksLeft);
      else w.nul();
      w.key("seconds_left");
      if (h.burning) w.u64(h.secondsLeft);
      else w.nul();
      w.key("peak").uint128(h.peak).key("debt").uint128(h.debt).endObject();
    }
    w.endArray().endObject();
    return QueryResponse.ok(w.toString());
  }

  if (name == "payment") {
    p.denyUnknown(o, ["id", "payment_id"]);
    const id = o.str("id", p);
    const pid = o.str("payment_id", p);
    if (p.failed()) return QueryResponse.err(p.message());
    const x = PAYMENTS().load(paymentKey(id, pid));
    if (x === null) return QueryResponse.err(E.paymentNotFound(id, pid));
    writePayment(w, x);
    return QueryResponse.ok(w.toString());
  }

  if (name == "payments") {
    p.denyUnknown(o, ["id", "start_after", "limit"]);
    const id = o.str("id", p);
    const after = optStartAfter(o, p);
    const limit = parseLimit(o, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const page = PAYMENTS().range(Key.str(id), after, limit, Order.Ascending);
    w.beginObject().key("payments").beginArray();
    for (let i = 0; i < page.length; i++) writePayment(w, page[i].value);
    w.endArray().endObject();
    return QueryResponse.ok(w.toString());
  }

  if (name == "deposits") {
    p.denyUnknown(o, ["id", "start_after", "limit"]);
    const id = o.str("id", p);
    const after = o.optU64("start_after", p);
    const limit = parseLimit(o, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = ACCOUNTS().load(Key.str(id));
    if (a === null) return QueryResponse.err(E.accountNotFound(id));
    w.beginObject().key("deposits").beginArray();
    let n = 0;
    // Entries are in spending order, which is also seq order.
    for (let i = 0; i < a.deposits.length && n < limit; i++) {
      const d = a.deposits[i];
      if (d.seq <= after) continue;
      w.beginObject().key("seq").u64(d.seq).key("depositor").str(d.depositor).key("source").str(d.source);
      w.key("grantee").str(d.grantee).key("denom").str(d.denom).key("amount").uint128(d.amount);
      w.key("deposited").uint128(d.deposited).key("height").u64(d.height).endObject();
      n++;
    }
    w.endArray().endObject();
    return QueryResponse.ok(w.toString());
  }

  if (name == "accounts_by_owner") return accountsByIndex(o, p, "owner", true);
  if (name == "accounts_by_depositor") return accountsByIndex(o, p, "depositor", false);

  if (name == "payments_by_provider") {
    p.denyUnknown(o, ["provider", "start_after", "limit"]);
    const provider = o.str("provider", p);
    let after: Key | null = null;
    const sa = o.optObj("start_after", p);
    if (sa !== null && !p.failed()) {
      p.denyUnknown(sa, ["id", "payment_id"]);
      after = Key.pair(Key.str(sa.str("id", p)), Key.str(sa.str("payment_id", p)));
    }
    const limit = parseLimit(o, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const keys = PROVIDER_INDEX().keys(Key.str(provider), after, limit, Order.Ascending);
    const payments = PAYMENTS();
    w.beginObject().key("payments").beginArray();
    for (let i = 0; i < keys.length; i++) {
      const parts = splitKey(keys[i], 2);
      const x = payments.load(paymentKey(utf8Decode(parts[0]), utf8Decode(parts[1])));
      if (x !== null) writePayment(w, x);
    }
    w.endArray().endObject();
    return QueryResponse.ok(w.toString());
  }

  if (name == "grant") {
    p.denyUnknown(o, ["sponsor", "grantee"]);
    const sponsor = o.str("sponsor", p);
    const grantee = o.str("grantee", p);
    if (p.failed()) return QueryResponse.err(p.message());
    const g = GRANTS().load(grantKey(sponsor, grantee));
    if (g === null) return QueryResponse.err(E.grantNotFound(sponsor, grantee));
    writeGrant(w, g, height);
    return QueryResponse.ok(w.toString());
  }

  if (name == "grants_by_sponsor" || name == "grants_by_grantee") {
    const bySponsor = name == "grants_by_sponsor";
    const who = bySponsor ? "sponsor" : "grantee";
    p.denyUnknown(o, [who, "start_after", "limit"]);
    const addr = o.str(who, p);
    const after = optStartAfter(o, p);
    const limit = parseLimit(o, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const grants = GRANTS();
    w.beginObject().key("grants").beginArray();
    if (bySponsor) {
      const page = grants.range(Key.str(addr), after, limit, Order.Ascending);
      for (let i = 0; i < page.length; i++) writeGrant(w, page[i].value, height);
    } else {
      const sponsors = GRANTEE_INDEX().keys(Key.str(addr), after, limit, Order.Ascending);
      for (let i = 0; i < sponsors.length; i++) {
        const g = grants.load(grantKey(utf8Decode(sponsors[i]), addr));
        if (g !== null) writeGrant(w, g, height);
      }
    }
    w.endArray().endObject();
    return QueryResponse.ok(w.toString());
  }

  // alerts
  p.denyUnknown(o, ["id", "limit"]);
  const id = o.str("id", p);
  const limit = parseLimit(o, p);
  if (p.failed()) return QueryResponse.err(p.message());
  const page = ALERTS().range(Key.str(id), null, limit, Order.Ascending);
  w.beginObject().key("alerts").beginArray();
  for (let i = 0; i < page.length; i++) {
    const a = page[i].value;
    w.beginObject().key("registrant").str(a.registrant).key("denom").str(a.denom).key("kind").str(a.kind);
    w.key("threshold").uint128(a.threshold).key("percent").decimal(a.percent).key("armed").bool(a.armed);
    w.key("fired").u64(a.fired).endObject();
  }
  w.endArray().endObject();
  return QueryResponse.ok(w.toString());
}
