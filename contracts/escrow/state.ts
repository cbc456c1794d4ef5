// Storage layout. Values are JSON (readable with raw queries, like cw-storage-plus); keys are std `Key`s whose
// composite form sorts like cw-storage-plus, so prefix ranges paginate in key order.
//
//   config                                   Config
//   acct      (id)                           Account (deposits and live payment ids are inline: both are bounded)
//   pay       (id, payment_id)               Payment (kept after close for queries; settlement never iterates it)
//   grant     (sponsor, grantee)             Grant: balances and expiry only, what draws and refunds need
//   grant_scopes (sponsor, grantee)          its scopes (≤ max_scopes ids), loaded only to check a draw's account
//   alert     (id, registrant, kind:denom)   Alert
// Reverse indexes (value `1`), so list queries never scan all accounts:
//   own_idx   (owner, id)                    accounts by owner
//   dep_idx   (depositor, id)                accounts a depositor (or a grant's sponsor) ever funded
//   prov_idx  (provider, id, payment_id)     payments by provider
//   grantee_idx (grantee, sponsor)           grants by grantee
//
// Account ids are global (first come, first served), so `deposit { id }` needs no owner; clients are advised to use
// Akash's `<owner>/<dseq>` form, which cannot collide between owners.

import { Coin, Decimal, Item, JsonValue, JsonWriter, Key, Map, Parser, Uint128 } from "../std";
import { DepositResponse, PaymentResponse } from "./msg";
import { writeDepositResponse, writePaymentResponse } from "./gen/messages";

export const STATE_OPEN = "open";
export const STATE_OVERDRAWN = "overdrawn";
export const STATE_CLOSED = "closed";

export const SOURCE_BALANCE = "balance";
export const SOURCE_GRANT = "grant";

export const KIND_AMOUNT = "amount";
export const KIND_BLOCKS_LEFT = "blocks_left";
export const KIND_PERCENT_OF_PEAK = "percent_of_peak";

export class DenomConfig {
  constructor(
    public denom: string,
    public minDeposit: Uint128,
  ) {}
}

export class Config {
  admin: string = "";
  denoms: Array<DenomConfig> = new Array<DenomConfig>();
  maxDeposits: u32 = 50;
  maxPayments: u32 = 10;
  maxAlerts: u32 = 10;
  maxScopes: u32 = 20;
  /** Average seconds per block, for health estimates only. */
  blockTime: Decimal = Decimal.zero();

  denom(d: string): DenomConfig | null {
    for (let i = 0; i < this.denoms.length; i++) if (this.denoms[i].denom == d) return this.denoms[i];
    return null;
  }
}

/** One funding entry. Spending walks these oldest first; refunds pay each entry's remainder to its own depositor. */
export class DepositEntry {
  seq: u64 = 0;
  /** Whose coins these are: the sender for `balance`, the sponsor for `grant`. */
  depositor: string = "";
  source: string = SOURCE_BALANCE;
  /** For `grant` entries: the grantee whose grant was drawn, so a refund can restore that grant. */
  grantee: string = "";
  denom: string = "";
  /** Unspent remainder. */
  amount: Uint128 = Uint128.zero();
  /** Everything ever put into this entry (merged top-ups included). */
  deposited: Uint128 = Uint128.zero();
  height: u64 = 0;
}

/** Per-denom bookkeeping that does not follow from the deposit list. */
export class DenomBook {
  denom: string = "";
  /** Highest balance seen after a deposit, the base of `percent_of_peak` alerts. */
  peak: Uint128 = Uint128.zero();
  /** Paid out of the account to payments, cumulative. */
  transferred: Uint128 = Uint128.zero();
}

export class Account {
  id: string = "";
  owner: string = "";
  state: string = STATE_OPEN;
  createdAt: u64 = 0;
  settledAt: u64 = 0;
  nextSeq: u64 = 1;
  deposits: Array<DepositEntry> = new Array<DepositEntry>();
  books: Array<DenomBook> = new Array<DenomBook>();
  /** Payments that settlement must visit (open, or overdrawn awaiting a debt payment), in creation order. */
  payments: Array<string> = new Array<string>();
  alertCount: u32 = 0;

  book(denom: string): DenomBook {
    for (let i = 0; i < this.books.length; i++) if (this.books[i].denom == denom) return this.books[i];
    const b = new DenomBook();
    b.denom = denom;
    this.books.push(b);
    return b;
  }

  /** Funds in one denom: the sum of the unspent deposit remainders (there is no separate counter to drift). */
  funds(denom: string): Uint128 {
    let sum = Uint128.zero();
    for (let i = 0; i < this.deposits.length; i++) {
      const d = this.deposits[i];
      if (d.denom == denom) sum = sum.add(d.amount);
    }
    return sum;
  }

  /** Denoms in first-seen order: books first, then any deposit denom without a book. */
  denoms(): Array<string> {
    const out = new Array<string>();
    for (let i = 0; i < this.books.length; i++) out.push(this.books[i].denom);
    for (let i = 0; i < this.deposits.length; i++) {
      if (!out.includes(this.deposits[i].denom)) out.push(this.deposits[i].denom);
    }
    return out;
  }

  isDepositor(addr: string): bool {
    for (let i = 0; i < this.deposits.length; i++) if (this.deposits[i].depositor == addr) return true;
    return false;
  }
}

export class Payment {
  id: string = "";
  paymentId: string = "";
  provider: string = "";
  denom: string = "";
  /** Amount per block. */
  rate: Decimal = Decimal.zero();
  /** Fractional owed amount carried between settlements (always < 1), so payouts do not depend on settle frequency. */
  carry: Decimal = Decimal.zero();
  state: string = STATE_OPEN;
  /** Accrued and not yet withdrawn. */
  balance: Uint128 = Uint128.zero();
  /** Owed but unpaid since the overdraft (the debt). */
  unsettled: Uint128 = Uint128.zero();
  withdrawn: Uint128 = Uint128.zero();
  createdAt: u64 = 0;
  closedAt: u64 = 0;
}

export class Grant {
  sponsor: string = "";
  grantee: string = "";
  /** Unused allowance per denom; these coins are held by the contract. */
  balances: Array<Coin> = new Array<Coin>();
  /** 0 = never expires; otherwise the first height at which the grant can no longer be drawn. */
  expiresAt: u64 = 0;
  /** True when only the account ids stored under GRANT_SCOPES may be funded; false = any account. */
  scoped: bool = false;

  balance(denom: string): Uint128 {
    for (let i = 0; i < this.balances.length; i++) if (this.balances[i].denom == denom) return this.balances[i].amount;
    return Uint128.zero();
  }
  setBalance(denom: string, amount: Uint128): void {
    for (let i = 0; i < this.balances.length; i++) {
      if (this.balances[i].denom == denom) {
        this.balances[i].amount = amount;
        return;
      }
    }
    this.balances.push(new Coin(denom, amount));
  }
  expired(height: u64): bool {
    return this.expiresAt != 0 && height >= this.expiresAt;
  }
  /** Reads the scopes only for a scoped grant, and only here: refunds never parse them. */
  allows(id: string): bool {
    if (!this.scoped) return true;
    const s = GRANT_SCOPES().load(grantKey(this.sponsor, this.grantee));
    return s !== null && s.includes(id);
  }
}

export class Alert {
  id: string = "";
  registrant: string = "";
  denom: string = "";
  kind: string = KIND_AMOUNT;
  /** `amount`: micro-units; `blocks_left`: blocks. */
  threshold: Uint128 = Uint128.zero();
  /** `percent_of_peak`: 0 < p ≤ 100. */
  percent: Decimal = Decimal.zero();
  /** True while the value is at or above the threshold; an alert fires only on the armed → below transition. */
  armed: bool = true;
  fired: u64 = 0;
}

// ------------------------------------------------------------------------------------------------------------------
// JSON codecs. Payments and deposit entries are stored in their query response form, so the generated writers
// encode them; the other records have storage-only fields.

/** A payment as queries return it (and as it is stored). */
export function paymentResponse(x: Payment): PaymentResponse {
  const r = new PaymentResponse();
  r.id = x.id;
  r.payment_id = x.paymentId;
  r.provider = x.provider;
  r.denom = x.denom;
  r.rate = x.rate;
  r.carry = x.carry;
  r.state = x.state;
  r.balance = x.balance;
  r.unsettled = x.unsettled;
  r.withdrawn = x.withdrawn;
  r.created_at = x.createdAt;
  r.closed_at = x.closedAt;
  return r;
}

/** A deposit entry as queries return it (and as it is stored inside its account). */
export function depositResponse(d: DepositEntry): DepositResponse {
  const r = new DepositResponse();
  r.seq = d.seq;
  r.depositor = d.depositor;
  r.source = d.source;
  r.grantee = d.grantee;
  r.denom = d.denom;
  r.amount = d.amount;
  r.deposited = d.deposited;
  r.height = d.height;
  return r;
}

function writeCoins(w: JsonWriter, cs: Array<Coin>): void {
  w.coins(cs);
}

function writeStrings(w: JsonWriter, ss: Array<string>): void {
  w.beginArray();
  for (let i = 0; i < ss.length; i++) w.str(ss[i]);
  w.endArray();
}

function encodeStrings(ss: Array<string>, w: JsonWriter): void {
  writeStrings(w, ss);
}

function readStrings(v: JsonValue, p: Parser): Array<string> {
  const arr = p.arr(v);
  const out = new Array<string>();
  for (let i = 0; i < arr.length; i++) out.push(p.str(arr[i]));
  return out;
}

export function encodeConfig(c: Config, w: JsonWriter): void {
  w.beginObject().key("admin").str(c.admin).key("denoms").beginArray();
  for (let i = 0; i < c.denoms.length; i++) {
    w.beginObject().key("denom").str(c.denoms[i].denom).key("min_deposit").uint128(c.denoms[i].minDeposit).endObject();
  }
  w.endArray();
  w.key("max_deposits").u64(c.maxDeposits).key("max_payments").u64(c.maxPayments).key("max_alerts").u64(c.maxAlerts);
  w.key("max_scopes").u64(c.maxScopes);
  w.key("block_time").decimal(c.blockTime).endObject();
}

export function decodeConfig(v: JsonValue, p: Parser): Config {
  const o = p.obj(v);
  const c = new Config();
  c.admin = o.str("admin", p);
  const ds = o.arr("denoms", p);
  for (let i = 0; i < ds.length; i++) {
    const d = p.obj(ds[i]);
    c.denoms.push(new DenomConfig(d.str("denom", p), d.uint128("min_deposit", p)));
  }
  c.maxDeposits = o.u32("max_deposits", p);
  c.maxPayments = o.u32("max_payments", p);
  c.maxAlerts = o.u32("max_alerts", p);
  // Configs stored before max_scopes existed keep the default.
  if (o.has("max_scopes")) c.maxScopes = o.u32("max_scopes", p);
  c.blockTime = o.decimal("block_time", p);
  return c;
}

function encodeDeposit(d: DepositEntry, w: JsonWriter): void {
  writeDepositResponse(w, depositResponse(d));
}

function decodeDeposit(v: JsonValue, p: Parser): DepositEntry {
  const o = p.obj(v);
  const d = new DepositEntry();
  d.seq = o.u64("seq", p);
  d.depositor = o.str("depositor", p);
  d.source = o.str("source", p);
  d.grantee = o.str("grantee", p);
  d.denom = o.str("denom", p);
  d.amount = o.uint128("amount", p);
  d.deposited = o.uint128("deposited", p);
  d.height = o.u64("height", p);
  return d;
}

export function encodeAccount(a: Account, w: JsonWriter): void {
  w.beginObject().key("id").str(a.id).key("owner").str(a.owner).key("state").str(a.state);
  w.key("created_at").u64(a.createdAt).key("settled_at").u64(a.settledAt).key("next_seq").u64(a.nextSeq);
  w.key("deposits").beginArray();
  for (let i = 0; i < a.deposits.length; i++) encodeDeposit(a.deposits[i], w);
  w.endArray().key("books").beginArray();
  for (let i = 0; i < a.books.length; i++) {
    const b = a.books[i];
    w.beginObject().key("denom").str(b.denom).key("peak").uint128(b.peak);
    w.key("transferred").uint128(b.transferred).endObject();
  }
  w.endArray().key("payments");
  writeStrings(w, a.payments);
  w.key("alert_count").u64(a.alertCount).endObject();
}

export function decodeAccount(v: JsonValue, p: Parser): Account {
  const o = p.obj(v);
  const a = new Account();
  a.id = o.str("id", p);
  a.owner = o.str("owner", p);
  a.state = o.str("state", p);
  a.createdAt = o.u64("created_at", p);
  a.settledAt = o.u64("settled_at", p);
  a.nextSeq = o.u64("next_seq", p);
  const ds = o.arr("deposits", p);
  for (let i = 0; i < ds.length; i++) a.deposits.push(decodeDeposit(ds[i], p));
  const bs = o.arr("books", p);
  for (let i = 0; i < bs.length; i++) {
    const bo = p.obj(bs[i]);
    const b = new DenomBook();
    b.denom = bo.str("denom", p);
    b.peak = bo.uint128("peak", p);
    b.transferred = bo.uint128("transferred", p);
    a.books.push(b);
  }
  const ps = o.get("payments");
  if (ps !== null) a.payments = readStrings(ps, p);
  a.alertCount = o.u32("alert_count", p);
  return a;
}

export function encodePayment(x: Payment, w: JsonWriter): void {
  writePaymentResponse(w, paymentResponse(x));
}

export function decodePayment(v: JsonValue, p: Parser): Payment {
  const o = p.obj(v);
  const x = new Payment();
  x.id = o.str("id", p);
  x.paymentId = o.str("payment_id", p);
  x.provider = o.str("provider", p);
  x.denom = o.str("denom", p);
  x.rate = o.decimal("rate", p);
  x.carry = o.decimal("carry", p);
  x.state = o.str("state", p);
  x.balance = o.uint128("balance", p);
  x.unsettled = o.uint128("unsettled", p);
  x.withdrawn = o.uint128("withdrawn", p);
  x.createdAt = o.u64("created_at", p);
  x.closedAt = o.u64("closed_at", p);
  return x;
}

export function encodeGrant(g: Grant, w: JsonWriter): void {
  w.beginObject().key("sponsor").str(g.sponsor).key("grantee").str(g.grantee).key("balances");
  writeCoins(w, g.balances);
  w.key("expires_at").u64(g.expiresAt).key("scoped").bool(g.scoped).endObject();
}

export function decodeGrant(v: JsonValue, p: Parser): Grant {
  const o = p.obj(v);
  const g = new Grant();
  g.sponsor = o.str("sponsor", p);
  g.grantee = o.str("grantee", p);
  g.balances = o.coins("balances", p);
  g.expiresAt = o.u64("expires_at", p);
  g.scoped = o.bool("scoped", p);
  return g;
}

export function encodeAlert(a: Alert, w: JsonWriter): void {
  w.beginObject().key("id").str(a.id).key("registrant").str(a.registrant).key("denom").str(a.denom);
  w.key("kind").str(a.kind).key("threshold").uint128(a.threshold).key("percent").decimal(a.percent);
  w.key("armed").bool(a.armed).key("fired").u64(a.fired).endObject();
}

export function decodeAlert(v: JsonValue, p: Parser): Alert {
  const o = p.obj(v);
  const a = new Alert();
  a.id = o.str("id", p);
  a.registrant = o.str("registrant", p);
  a.denom = o.str("denom", p);
  a.kind = o.str("kind", p);
  a.threshold = o.uint128("threshold", p);
  a.percent = o.decimal("percent", p);
  a.armed = o.bool("armed", p);
  a.fired = o.u64("fired", p);
  return a;
}

function encodeFlag(_b: bool, w: JsonWriter): void {
  w.u64(1);
}

function decodeFlag(_v: JsonValue, _p: Parser): bool {
  return true;
}

// Accessors instead of module-level instances: globals with constructors run in the start function
// (docs/abi.md#globals-with-constructors), and these are cheap to build.
export function CONFIG(): Item<Config> {
  return new Item<Config>("config", encodeConfig, decodeConfig);
}
export function ACCOUNTS(): Map<Account> {
  return new Map<Account>("acct", encodeAccount, decodeAccount);
}
export function PAYMENTS(): Map<Payment> {
  return new Map<Payment>("pay", encodePayment, decodePayment);
}
export function GRANTS(): Map<Grant> {
  return new Map<Grant>("grant", encodeGrant, decodeGrant);
}
export function GRANT_SCOPES(): Map<Array<string>> {
  return new Map<Array<string>>("grant_scopes", encodeStrings, readStrings);
}
export function ALERTS(): Map<Alert> {
  return new Map<Alert>("alert", encodeAlert, decodeAlert);
}
export function OWNER_INDEX(): Map<bool> {
  return new Map<bool>("own_idx", encodeFlag, decodeFlag);
}
export function DEPOSITOR_INDEX(): Map<bool> {
  return new Map<bool>("dep_idx", encodeFlag, decodeFlag);
}
export function PROVIDER_INDEX(): Map<bool> {
  return new Map<bool>("prov_idx", encodeFlag, decodeFlag);
}
export function GRANTEE_INDEX(): Map<bool> {
  return new Map<bool>("grantee_idx", encodeFlag, decodeFlag);
}

export function paymentKey(id: string, paymentId: string): Key {
  return Key.pair(Key.str(id), Key.str(paymentId));
}
export function grantKey(sponsor: string, grantee: string): Key {
  return Key.pair(Key.str(sponsor), Key.str(grantee));
}
export function alertKey(id: string, registrant: string, kind: string, denom: string): Key {
  return Key.triple(Key.str(id), Key.str(registrant), Key.str(kind + ":" + denom));
}
