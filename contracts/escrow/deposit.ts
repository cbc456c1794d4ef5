// Funding: turning a create_account/deposit message into deposit entries (Akash's AuthorizeDeposits), and the two
// handlers that use it.
//
// Entries are merged: funds from the same (depositor, source, grantee, denom) top up that depositor's existing entry
// instead of appending a new one. That only moves the depositor's own new funds earlier in the spending order (they
// are spent before later depositors' funds, never the other way round), and it keeps the entry count bounded by the
// number of distinct funders, which `max_deposits` caps. To make filling that cap with dust expensive, a new entry
// whose depositor is not the owner must be at least the denom's `min_deposit`, whoever sent the message: a grant's
// sponsor is the depositor of what is drawn from it, so a grant too small for that is skipped rather than drawn
// (unsolicited dust grants never become entries, nor make their sponsors depositors who may set alerts).

import { Coin, Key, Order, Response, Uint128, err, intStr, utf8Decode } from "../std";
import * as E from "./error";
import { Exec, coinStr, item } from "./exec";
import {
  ACCOUNTS,
  Account,
  DEPOSITOR_INDEX,
  DepositEntry,
  GRANTEE_INDEX,
  GRANTS,
  OWNER_INDEX,
  SOURCE_BALANCE,
  SOURCE_GRANT,
  STATE_CLOSED,
  STATE_OVERDRAWN,
  grantKey,
} from "./state";
import { loadLivePayments, owed, payDebtsAndClose, saveAll, settle } from "./settle";
import { evaluateAlerts } from "./alerts";
import { checkAddr, checkId } from "./validate";

/** The common body of create_account and deposit. */
export class FundingMsg {
  id: string = "";
  amount: Coin | null = null;
  sources: Array<string> | null = null;
  sponsors: Array<string> | null = null;
}

/** How many grants a `grant` source looks at (named, or the first in sponsor order): bounds the work of one deposit. */
const MAX_GRANTS_SCANNED: i32 = 30;

class Draw {
  constructor(
    public depositor: string,
    public source: string,
    public grantee: string,
    public amount: Uint128,
  ) {}
}

class Funding {
  error: string | null = null;
  denom: string = "";
  total: Uint128 = Uint128.zero();
  draws: Array<Draw> = new Array<Draw>();
}

function fail(f: Funding, msg: string): Funding {
  f.error = msg;
  return f;
}

/**
 * Resolves where the money comes from: attached funds for `balance`, the sender's grants for `grant`, in the listed
 * order, until the amount is covered. Grant balances are debited here; an error later rolls that back with the tx.
 */
function collect(x: Exec, acc: Account | null, m: FundingMsg): Funding {
  const f = new Funding();
  let sources = m.sources;
  if (sources === null) sources = [SOURCE_BALANCE];
  if (sources.length == 0) return fail(f, E.EMPTY_SOURCES);
  for (let i = 0; i < sources.length; i++) {
    for (let j = i + 1; j < sources.length; j++) if (sources[i] == sources[j]) return fail(f, E.DUPLICATE_SOURCE);
  }
  const named = m.sponsors;
  if (named !== null) {
    if (named.length > MAX_GRANTS_SCANNED) return fail(f, E.tooManySponsors(MAX_GRANTS_SCANNED));
    for (let i = 0; i < named.length; i++) {
      const addrErr = checkAddr("sponsors", named[i]);
      if (addrErr !== null) return fail(f, addrErr);
      for (let j = i + 1; j < named.length; j++) if (named[i] == named[j]) return fail(f, E.DUPLICATE_SPONSOR);
    }
  }
  let amount: Coin;
  const given = m.amount;
  if (given === null) {
    if (x.funds.length == 0) return fail(f, E.NO_FUNDS);
    if (x.funds.length > 1) return fail(f, E.multipleDenoms());
    amount = x.funds[0];
  } else {
    amount = given;
  }
  if (amount.amount.isZero()) return fail(f, E.AMOUNT_ZERO);
  if (x.cfg.denom(amount.denom) === null) return fail(f, E.invalidDenom(amount.denom));
  let attached = Uint128.zero();
  for (let i = 0; i < x.funds.length; i++) {
    const c = x.funds[i];
    if (c.denom != amount.denom) return fail(f, E.denomMismatch(amount.denom, c.denom));
    const sum = attached.checkedAdd(c.amount);
    if (sum === null) return fail(f, E.amountOverflow());
    attached = sum;
  }
  f.denom = amount.denom;
  f.total = amount.amount;
  let rest = amount.amount;
  let usedAttached = Uint128.zero();
  for (let s = 0; s < sources.length && !rest.isZero(); s++) {
    if (sources[s] == SOURCE_BALANCE) {
      const take = attached.min(rest);
      if (take.isZero()) continue;
      f.draws.push(new Draw(x.sender, SOURCE_BALANCE, "", take));
      usedAttached = take;
      rest = rest.sub(take);
    } else {
      rest = drawGrants(x, acc, m.id, named, f, rest);
    }
  }
  if (!rest.isZero()) return fail(f, E.insufficientFunds(rest.toString(), amount.denom));
  if (usedAttached.lt(attached)) return fail(f, E.excessFunds());
  return f;
}

/**
 * Draws from the sender's grants: the named sponsors' in the given order, else the first MAX_GRANTS_SCANNED in
 * sponsor-address order (Akash iterates grants in granter order too). A draw that would open an entry below
 * `min_deposit` for a sponsor other than the owner is skipped (see the header).
 */
function drawGrants(
  x: Exec,
  acc: Account | null,
  id: string,
  named: Array<string> | null,
  f: Funding,
  rest: Uint128,
): Uint128 {
  const grants = GRANTS();
  const min = x.cfg.denom(f.denom)!.minDeposit;
  const owner = acc !== null ? acc.owner : x.sender;
  let sponsors: Array<string>;
  if (named !== null) {
    sponsors = named;
  } else {
    const keys = GRANTEE_INDEX().keys(Key.str(x.sender), null, MAX_GRANTS_SCANNED, Order.Ascending);
    sponsors = new Array<string>();
    for (let i = 0; i < keys.length; i++) sponsors.push(utf8Decode(keys[i]));
  }
  for (let i = 0; i < sponsors.length && !rest.isZero(); i++) {
    const sponsor = sponsors[i];
    const k = grantKey(sponsor, x.sender);
    const g = grants.load(k);
    if (g === null || g.expired(x.height)) continue;
    const bal = g.balance(f.denom);
    const take = bal.min(rest);
    if (take.isZero()) continue;
    const opensEntry = acc === null || findEntry(acc, sponsor, SOURCE_GRANT, x.sender, f.denom) === null;
    if (opensEntry && sponsor != owner && take.lt(min)) continue;
    if (!g.allows(id)) continue;
    g.setBalance(f.denom, bal.sub(take));
    grants.save(k, g);
    f.draws.push(new Draw(sponsor, SOURCE_GRANT, x.sender, take));
    rest = rest.sub(take);
  }
  return rest;
}

function findEntry(
  acc: Account,
  depositor: string,
  source: string,
  grantee: string,
  denom: string,
): DepositEntry | null {
  for (let j = 0; j < acc.deposits.length; j++) {
    const e = acc.deposits[j];
    if (e.depositor == depositor && e.source == source && e.grantee == grantee && e.denom == denom) return e;
  }
  return null;
}

/** Adds the draws to the account's entries (merging, see the header); returns an error message or null. */
function credit(x: Exec, acc: Account, f: Funding): string | null {
  const min = x.cfg.denom(f.denom)!.minDeposit;
  const index = DEPOSITOR_INDEX();
  x.openBatch("escrow_deposit", acc.id, "entries").add("sender", x.sender).add("amount", coinStr(f.total, f.denom));
  for (let i = 0; i < f.draws.length; i++) {
    const d = f.draws[i];
    let entry = findEntry(acc, d.depositor, d.source, d.grantee, f.denom);
    if (entry === null) {
      if (<u32>acc.deposits.length >= x.cfg.maxDeposits) return E.tooManyDeposits(x.cfg.maxDeposits);
      if (d.depositor != acc.owner && d.amount.lt(min)) return E.belowMinimumNewEntry(min.toString(), f.denom);
      const e = new DepositEntry();
      e.seq = acc.nextSeq++;
      e.depositor = d.depositor;
      e.source = d.source;
      e.grantee = d.grantee;
      e.denom = f.denom;
      e.height = x.height;
      acc.deposits.push(e);
      entry = e;
    }
    const amount = entry.amount.checkedAdd(d.amount);
    const deposited = entry.deposited.checkedAdd(d.amount);
    if (amount === null || deposited === null) return E.amountOverflow();
    entry.amount = amount;
    entry.deposited = deposited;
    index.save(Key.pair(Key.str(d.depositor), Key.str(acc.id)), true);
    x.batch(
      "escrow_deposit",
      acc.id,
      "entries",
      item([intStr(entry.seq), d.depositor, d.source, coinStr(d.amount, f.denom)]),
    );
  }
  // Funds overflowing a Uint128 would break every later sum; refuse them here, as a contract error.
  let sum = Uint128.zero();
  for (let i = 0; i < acc.deposits.length; i++) {
    if (acc.deposits[i].denom != f.denom) continue;
    const s = sum.checkedAdd(acc.deposits[i].amount);
    if (s === null) return E.amountOverflow();
    sum = s;
  }
  const b = acc.book(f.denom);
  if (sum.gt(b.peak)) b.peak = sum;
  return null;
}

export function createAccount(x: Exec, m: FundingMsg): Response {
  const idErr = checkId("id", m.id);
  if (idErr !== null) return err(idErr);
  const accounts = ACCOUNTS();
  if (accounts.has(Key.str(m.id))) return err(E.accountExists(m.id));
  const f = collect(x, null, m);
  if (f.error !== null) return err(changetype<string>(f.error));
  const min = x.cfg.denom(f.denom)!.minDeposit;
  if (f.total.lt(min)) return err(E.belowMinimum(min.toString(), f.denom));
  const acc = new Account();
  acc.id = m.id;
  acc.owner = x.sender;
  acc.createdAt = x.height;
  acc.settledAt = x.height;
  x.event("escrow_account_created").add("id", acc.id).add("owner", acc.owner).add("amount", coinStr(f.total, f.denom));
  const e = credit(x, acc, f);
  if (e !== null) return err(e);
  accounts.save(Key.str(acc.id), acc);
  OWNER_INDEX().save(Key.pair(Key.str(acc.owner), Key.str(acc.id)), true);
  x.res.addAttribute("action", "create_account").addAttribute("id", acc.id);
  x.res.addAttribute("amount", coinStr(f.total, f.denom));
  evaluateAlerts(x, acc, loadLivePayments(acc));
  return x.finish();
}

export function deposit(x: Exec, m: FundingMsg): Response {
  const acc = ACCOUNTS().load(Key.str(m.id));
  if (acc === null) return err(E.accountNotFound(m.id));
  if (acc.state == STATE_CLOSED) return err(E.ACCOUNT_CLOSED);
  const ps = loadLivePayments(acc);
  settle(x, acc, ps);
  const f = collect(x, acc, m);
  if (f.error !== null) return err(changetype<string>(f.error));
  // An overdrawn account takes only what pays its debts: funds in another denom would close it with the debt unpaid.
  if (acc.state == STATE_OVERDRAWN && owed(ps, f.denom).isZero()) return err(E.overdrawnForeignDenom(f.denom));
  const e = credit(x, acc, f);
  if (e !== null) return err(e);
  x.res.addAttribute("action", "deposit").addAttribute("id", acc.id);
  x.res.addAttribute("amount", coinStr(f.total, f.denom));
  if (acc.state == STATE_OVERDRAWN) payDebtsAndClose(x, acc, ps);
  else evaluateAlerts(x, acc, ps);
  x.res.addAttribute("state", acc.state);
  saveAll(acc, ps);
  return x.finish();
}
