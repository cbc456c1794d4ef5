// Programs: creation and funding (governance), discretionary grants, claims, the end-of-program sweep and revenue
// remittance.

import { Response, Uint128, err, intStr, queryBalance } from "../std";
import * as E from "./error";
import { Exec } from "./exec";
import { checkAddr, checkProgram } from "./config";
import {
  ClaimMsg,
  CreateProgramMsg,
  DepositRevenueMsg,
  FundProgramMsg,
  GrantMsg,
  PoolState,
  ProgramDef,
  ProviderResponse,
  SweepMsg,
} from "./msg";
import { CONFIG, DEFS, EARNINGS, KIND_DISCRETIONARY, STATUS, Status, earnKey, idKey, poolKind } from "./state";

/** A program loaded for a handler, or the error to return. */
export class Loaded {
  def: ProgramDef = new ProgramDef();
  st: Status = new Status();
  error: string | null = null;
}

export function loadProgram(id: u64, live: bool): Loaded {
  const l = new Loaded();
  const d = DEFS().load(idKey(id));
  if (d === null) {
    l.error = E.programNotFound(id);
    return l;
  }
  l.def = d;
  l.st = STATUS().load(idKey(id))!;
  if (live && l.st.swept) l.error = E.swept(id);
  return l;
}

export function poolIndex(d: ProgramDef, name: string): i32 {
  for (let i = 0; i < d.pools.length; i++) if (d.pools[i].name == name) return i;
  return -1;
}

/** Attached coins plus `from_balance`, checked; null with `x.res` holding nothing when there is an error in `e`. */
function funding(x: Exec, fromBalance: Uint128 | null, out: Array<string>): Uint128 {
  const att = x.attached();
  if (att === null) {
    out.push(E.wrongDenom(x.cfg.denom));
    return Uint128.zero();
  }
  if (fromBalance === null || fromBalance.isZero()) return att;
  if (x.sender != x.cfg.admin) {
    out.push(E.UNAUTHORIZED_ADMIN);
    return Uint128.zero();
  }
  // The bank balance already includes the attached coins.
  const bank = queryBalance(x.ctx.env.contract.address, x.cfg.denom).amount;
  const unassigned = bank.saturatingSub(x.cfg.held).saturatingSub(att);
  if (fromBalance.gt(unassigned)) {
    out.push(E.unassignedShort(unassigned.toString() + x.cfg.denom));
    return Uint128.zero();
  }
  return att.add(fromBalance);
}

function credit(x: Exec, id: u64, st: Status, amount: Uint128): void {
  st.funded = st.funded.add(amount);
  x.cfg.held = x.cfg.held.add(amount);
  if (!amount.isZero()) x.event("incentives_funded", id).add("amount", amount.toString());
}

export function createProgram(x: Exec, m: CreateProgramMsg): Response {
  if (x.sender != x.cfg.admin) return err(E.UNAUTHORIZED_ADMIN);
  const d = m.program;
  const e = checkProgram(d);
  if (e !== null) return err(e);
  const errs = new Array<string>();
  const amount = funding(x, m.from_balance, errs);
  if (errs.length > 0) return err(errs[0]);
  const id = x.cfg.next_program_id;
  x.cfg.next_program_id = id + 1;
  const st = new Status();
  for (let i = 0; i < d.pools.length; i++) {
    const ps = new PoolState();
    ps.name = d.pools[i].name;
    ps.kind = poolKind(d, i);
    const c = d.pools[i].committed;
    if (c !== null) ps.usd_remaining = c.usd_budget;
    st.pools.push(ps);
  }
  x.event("incentives_program_created", id).add("name", d.name);
  credit(x, id, st, amount);
  DEFS().save(idKey(id), d);
  STATUS().save(idKey(id), st);
  CONFIG().save(x.cfg);
  x.res.addAttribute("action", "create_program").addAttribute("program_id", intStr(id));
  x.res.addAttribute("funded", amount.toString());
  return x.res;
}

export function fundProgram(x: Exec, m: FundProgramMsg): Response {
  const l = loadProgram(m.program_id, true);
  if (l.error !== null) return err(changetype<string>(l.error));
  if (x.now >= l.def.end) return err(E.ended(l.def.end));
  const errs = new Array<string>();
  const amount = funding(x, m.from_balance, errs);
  if (errs.length > 0) return err(errs[0]);
  if (amount.isZero()) return err(E.NO_FUNDS);
  credit(x, m.program_id, l.st, amount);
  STATUS().save(idKey(m.program_id), l.st);
  CONFIG().save(x.cfg);
  x.res.addAttribute("action", "fund_program").addAttribute("amount", amount.toString());
  return x.res;
}

/** Credits a payout to a provider's claimable balance, with its `incentives_payout` event. */
export function payout(x: Exec, id: u64, provider: string, pool: string, epoch: string, amount: Uint128): void {
  const k = earnKey(id, provider);
  let e = EARNINGS().load(k);
  if (e === null) {
    e = new ProviderResponse();
    e.provider = provider;
  }
  e.earned = e.earned.add(amount);
  EARNINGS().save(k, e);
  x.event("incentives_payout", id)
    .add("pool", pool)
    .add("epoch", epoch)
    .add("provider", provider)
    .add("amount", amount.toString());
}

export function grant(x: Exec, m: GrantMsg): Response {
  if (x.sender != x.cfg.admin) return err(E.UNAUTHORIZED_ADMIN);
  const l = loadProgram(m.program_id, true);
  if (l.error !== null) return err(changetype<string>(l.error));
  if (x.now >= l.def.end) return err(E.ended(l.def.end));
  const i = poolIndex(l.def, m.pool);
  if (i < 0) return err(E.poolNotFound(m.pool));
  const g = l.def.pools[i].discretionary;
  if (g === null) return err(E.wrongPoolKind(m.pool, KIND_DISCRETIONARY));
  const e = checkAddr("provider", m.provider);
  if (e !== null) return err(e);
  if (m.amount.isZero()) return err(E.bad("amount", "greater than 0"));
  const ps = l.st.pools[i];
  const left = g.budget.sub(ps.granted);
  if (m.amount.gt(left)) return err(E.grantTooLarge(left.toString() + x.cfg.denom));
  const avail = l.st.available();
  if (m.amount.gt(avail)) return err(E.insufficientAvailable(avail.toString() + x.cfg.denom));
  ps.granted = ps.granted.add(m.amount);
  ps.paid = ps.paid.add(m.amount);
  l.st.paid = l.st.paid.add(m.amount);
  payout(x, m.program_id, m.provider, m.pool, "", m.amount);
  STATUS().save(idKey(m.program_id), l.st);
  x.res.addAttribute("action", "grant").addAttribute("amount", m.amount.toString());
  return x.res;
}

export function claim(x: Exec, m: ClaimMsg): Response {
  const l = loadProgram(m.program_id, true);
  if (l.error !== null) return err(changetype<string>(l.error));
  const k = earnKey(m.program_id, x.sender);
  const e = EARNINGS().load(k);
  if (e === null || e.earned.eq(e.claimed)) return err(E.NOTHING_TO_CLAIM);
  const amount = e.earned.sub(e.claimed);
  e.claimed = e.earned;
  EARNINGS().save(k, e);
  l.st.claimed = l.st.claimed.add(amount);
  STATUS().save(idKey(m.program_id), l.st);
  x.cfg.held = x.cfg.held.sub(amount);
  CONFIG().save(x.cfg);
  x.send(x.sender, amount);
  x.event("incentives_claim", m.program_id).add("provider", x.sender).add("amount", amount.toString());
  x.res.addAttribute("action", "claim").addAttribute("amount", amount.toString());
  return x.res;
}

export function sweep(x: Exec, m: SweepMsg): Response {
  const l = loadProgram(m.program_id, true);
  if (l.error !== null) return err(changetype<string>(l.error));
  const from = l.def.end + l.def.grace;
  if (x.now < from) return err(E.sweepNotYet(from));
  const amount = l.st.balance();
  l.st.retProgramEnd = l.st.retProgramEnd.add(amount);
  l.st.swept = true;
  STATUS().save(idKey(m.program_id), l.st);
  x.cfg.held = x.cfg.held.sub(amount);
  CONFIG().save(x.cfg);
  x.toTreasury(l.def, m.program_id, amount, "program_end");
  x.res.addAttribute("action", "sweep").addAttribute("amount", amount.toString());
  return x.res;
}

export function depositRevenue(x: Exec, m: DepositRevenueMsg): Response {
  const l = loadProgram(m.program_id, false);
  if (l.error !== null) return err(changetype<string>(l.error));
  const r = l.def.revenue;
  if (r === null) return err(E.NO_REVENUE);
  const amount = x.attached();
  if (amount === null) return err(E.wrongDenom(x.cfg.denom));
  if (amount.isZero()) return err(E.NO_FUNDS);
  const bps = m.kind == "spot" ? r.spot_fee_bps : r.reservation_fee_bps;
  // The operator's fee rounds down; the treasury gets the rest.
  const fee = amount.mulDivFloor(Uint128.fromU64(bps), Uint128.fromU64(10_000));
  const rest = amount.sub(fee);
  l.st.revenue = l.st.revenue.add(amount);
  STATUS().save(idKey(m.program_id), l.st);
  x.send(r.operator, fee);
  x.remit(l.def, rest);
  x.event("incentives_revenue", m.program_id)
    .add("kind", m.kind)
    .add("amount", amount.toString())
    .add("fee", fee.toString())
    .add("remitted", rest.toString());
  x.res.addAttribute("action", "deposit_revenue").addAttribute("amount", amount.toString());
  return x.res;
}
