/**
 * Reference model of the incentives contract's money rules, written from docs/incentives.md in plain bigint
 * arithmetic (no contract code): what each provider is owed and paid per epoch, what returns to the treasury and
 * why. Tests drive the contract and this model with the same inputs and compare every figure.
 */

export const ATOMICS = 10n ** 18n;
const MICRO = 1_000_000n;

/** 18-decimal atomics of a decimal string ("2.49" → 2.49e18). */
export function atomics(s: string): bigint {
  const [int, frac = ""] = s.split(".");
  return BigInt(int!) * ATOMICS + BigInt(frac.padEnd(18, "0").slice(0, 18));
}

/** cosmwasm Decimal text of 18-decimal atomics (no trailing zeros). */
export function decimalText(a: bigint): string {
  const int = a / ATOMICS;
  const frac = (a % ATOMICS).toString().padStart(18, "0").replace(/0+$/, "");
  return frac.length > 0 ? `${int}.${frac}` : `${int}`;
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;
const minB = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const sat = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);

export interface CommittedDef {
  prices: { model: string; usd_per_hour: string }[];
  providers: string[];
  sla_uptime_bps: number;
  term_epochs: number;
  usd_budget: string;
}
export interface LmDef {
  per_epoch: string;
  min_vram_gb: number;
  models: { model: string; vram_gb: number; multiplier: string }[];
}
export interface PoolDef {
  name: string;
  committed?: CommittedDef | null;
  liquidity_mining?: LmDef | null;
  discretionary?: { budget: string } | null;
}
export interface ProgramDef {
  name: string;
  start: number;
  epoch_seconds: number;
  end: number;
  grace: number;
  report_window: number;
  attestors: string[];
  treasury: { mode: "community_pool" | "address"; address?: string | null };
  volatility_buffer_bps: number;
  max_providers: number;
  pools: PoolDef[];
  revenue?: { operator: string; spot_fee_bps: number; reservation_fee_bps: number } | null;
}
export interface Row {
  provider: string;
  gpu_model: string;
  gpu_count: number;
  uptime_bps: number;
  utilization_bps: number;
}

export interface PoolModel {
  paid: bigint;
  carry: bigint;
  usdRemaining: bigint;
  granted: bigint;
}

export interface EpochOutcome {
  /** provider → uakt per pool index. */
  payouts: Map<string, bigint>[];
  /** USD atomics owed per committed row (before caps), per pool. */
  owed: Map<string, bigint>[];
  unallocated: bigint;
  excess: bigint;
}

/** One program as the contract should hold it. */
export class ProgramModel {
  funded = 0n;
  paid = 0n;
  claimed = 0n;
  unallocated = 0n;
  programEnd = 0n;
  excessBuffer = 0n;
  nextEpoch = 0;
  swept = false;
  pools: PoolModel[];
  earned = new Map<string, bigint>();
  claimedBy = new Map<string, bigint>();

  constructor(readonly def: ProgramDef) {
    this.pools = def.pools.map((p) => ({
      paid: 0n,
      carry: 0n,
      usdRemaining: p.committed ? atomics(p.committed.usd_budget) : 0n,
      granted: 0n,
    }));
  }

  get numEpochs(): number {
    return (this.def.end - this.def.start) / this.def.epoch_seconds;
  }
  get returned(): bigint {
    return this.unallocated + this.programEnd + this.excessBuffer;
  }
  get balance(): bigint {
    return this.funded - this.claimed - this.returned;
  }
  get available(): bigint {
    return this.funded - this.paid - this.returned;
  }
  get usdRemaining(): bigint {
    return this.pools.reduce((s, p) => s + p.usdRemaining, 0n);
  }

  /** uakt promised to liquidity-mining epochs from `from` on, carries, and unspent discretionary budgets. */
  reserved(from: number): bigint {
    let sum = 0n;
    this.def.pools.forEach((p, i) => {
      if (p.liquidity_mining && from < this.numEpochs)
        sum += BigInt(p.liquidity_mining.per_epoch) * BigInt(this.numEpochs - from);
      sum += this.pools[i]!.carry;
      if (p.discretionary) sum += BigInt(p.discretionary.budget) - this.pools[i]!.granted;
    });
    return sum;
  }

  /** uakt beyond reservations and the USD need × (1 + buffer) at `price` (atomics), need rounded up. */
  excessAt(from: number, price: bigint): bigint {
    const usd = this.usdRemaining;
    let need = 0n;
    if (usd > 0n) {
      need = ceilDiv(ceilDiv(usd * MICRO, price) * (10_000n + BigInt(this.def.volatility_buffer_bps)), 10_000n);
    }
    return sat(this.available, this.reserved(from) + need);
  }

  fund(amount: bigint): void {
    this.funded += amount;
  }

  grant(pool: number, provider: string, amount: bigint): void {
    this.pools[pool]!.granted += amount;
    this.pools[pool]!.paid += amount;
    this.paid += amount;
    this.earned.set(provider, (this.earned.get(provider) ?? 0n) + amount);
  }

  claimable(provider: string): bigint {
    if (this.swept) return 0n;
    return (this.earned.get(provider) ?? 0n) - (this.claimedBy.get(provider) ?? 0n);
  }

  claim(provider: string): bigint {
    const c = this.claimable(provider);
    this.claimedBy.set(provider, (this.claimedBy.get(provider) ?? 0n) + c);
    this.claimed += c;
    return c;
  }

  /** Closes the next epoch with the reported rows per pool index and the oracle price (atomics; 0 = none needed). */
  close(rows: Map<number, Row[]>, oraclePrice: bigint): EpochOutcome {
    // The contract asks the oracle only while some committed pool still has USD to pay.
    const price = this.usdRemaining === 0n ? 0n : oraclePrice;
    const epoch = this.nextEpoch;
    const n = this.numEpochs;
    const out: EpochOutcome = {
      payouts: this.def.pools.map(() => new Map<string, bigint>()),
      owed: this.def.pools.map(() => new Map<string, bigint>()),
      unallocated: 0n,
      excess: 0n,
    };
    let avail = this.available;
    const credit = (pool: number, provider: string, amount: bigint): void => {
      out.payouts[pool]!.set(provider, amount);
      if (amount > 0n) this.earned.set(provider, (this.earned.get(provider) ?? 0n) + amount);
    };
    // Liquidity mining: floor(budget × w / Σw), w = count × multiplier × uptime.
    this.def.pools.forEach((p, i) => {
      const lm = p.liquidity_mining;
      if (!lm) return;
      const state = this.pools[i]!;
      const budget = minB(BigInt(lm.per_epoch) + state.carry, avail);
      const rs = rows.get(i) ?? [];
      const weight = (r: Row): bigint =>
        atomics(lm.models.find((m) => m.model === r.gpu_model)!.multiplier) *
        BigInt(r.gpu_count) *
        BigInt(r.uptime_bps);
      const total = rs.reduce((s, r) => s + weight(r), 0n);
      let paid = 0n;
      for (const r of rs) {
        const amount = total === 0n ? 0n : (budget * weight(r)) / total;
        credit(i, r.provider, amount);
        paid += amount;
      }
      let back = budget - paid;
      state.carry = 0n;
      if (paid > 0n && epoch + 1 < n) {
        state.carry = back;
        back = 0n;
      }
      state.paid += paid;
      this.paid += paid;
      avail -= paid + back;
      out.unallocated += back;
    });
    // Committed: USD per row = count × hours × price × (uptime ≥ SLA ? 1 : uptime), capped by the epoch's share.
    this.def.pools.forEach((p, i) => {
      const c = p.committed;
      if (!c) return;
      const state = this.pools[i]!;
      const term = c.term_epochs === 0 ? n : c.term_epochs;
      if (epoch >= term || state.usdRemaining === 0n) return;
      let share = state.usdRemaining;
      if (epoch + 1 < term) share = minB(atomics(c.usd_budget) / BigInt(term), share);
      const rs = rows.get(i) ?? [];
      const usd = rs.map((r) => {
        const hourly = atomics(c.prices.find((x) => x.model === r.gpu_model)!.usd_per_hour);
        const factor = r.uptime_bps >= c.sla_uptime_bps ? 10_000n : BigInt(r.uptime_bps);
        return (hourly * BigInt(r.gpu_count) * BigInt(this.def.epoch_seconds) * factor) / 36_000_000n;
      });
      rs.forEach((r, k) => out.owed[i]!.set(r.provider, usd[k]!));
      const owed = usd.reduce((s, x) => s + x, 0n);
      const usdPay = minB(owed, share);
      let akts = usd.map((u) => ((owed > share ? (u * share) / owed : u) * MICRO) / price);
      let akt = akts.reduce((s, x) => s + x, 0n);
      const free = sat(avail, this.reserved(epoch + 1));
      let usdPaid = usdPay;
      if (akt > free) {
        akts = akts.map((a) => (a * free) / akt);
        usdPaid = (usdPay * free) / akt;
        akt = akts.reduce((s, x) => s + x, 0n);
      }
      rs.forEach((r, k) => {
        credit(i, r.provider, akts[k]!);
      });
      const back = minB(((share - usdPaid) * MICRO) / price, free - akt);
      state.usdRemaining -= share;
      state.paid += akt;
      this.paid += akt;
      avail -= akt + back;
      out.unallocated += back;
    });
    this.unallocated += out.unallocated;
    this.nextEpoch = epoch + 1;
    if (price > 0n || this.usdRemaining === 0n) out.excess = this.excessAt(epoch + 1, price);
    this.excessBuffer += out.excess;
    return out;
  }

  sweep(): bigint {
    const amount = this.balance;
    this.programEnd += amount;
    this.swept = true;
    return amount;
  }
}
