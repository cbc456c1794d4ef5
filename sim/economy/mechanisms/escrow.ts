// The escrow in the loop (AEP-75 as a contract). KPIs come from its own events: accounts and leases created,
// spend per denom (what settlement transferred), provider income by GPU type (withdraw payouts), overdrafts,
// refunds; the open-account gauge follows the created/overdrawn/closed events. Nothing is recomputed beside it.
import type { Event } from "@cosmjs/stargate";
import { closed, positiveInt, uintString } from "../schema.js";
import type { Mechanism, RunContext } from "../types.js";

export interface EscrowSystem {
  denoms: { denom: string; min_deposit: string }[];
  limits?: { max_deposits?: number; max_payments?: number; max_alerts?: number };
}

/** Live escrow facts agents react to, kept from the events (signals "escrow.*"). */
export interface EscrowBook {
  open: Set<string>;
  /** Accounts whose alert fired since the tenants last looked. */
  alerts: string[];
  /** Accounts that went overdrawn since the tenants last looked. */
  overdrawn: string[];
  /** provider → "id\tpayment_id" of its live payments. */
  payments: Map<string, Set<string>>;
  /** "<gpu>\t<denom>" → micro-units providers withdrew so far (this run's own amounts, unweighted). */
  income: Map<string, bigint>;
}

export function escrowBook(ctx: Pick<RunContext, "signals">): EscrowBook {
  let b = ctx.signals.get("escrow.book") as EscrowBook | undefined;
  if (b === undefined) {
    b = { open: new Set(), alerts: [], overdrawn: [], payments: new Map(), income: new Map() };
    ctx.signals.set("escrow.book", b);
  }
  return b;
}

const attrs = (e: Event): Map<string, string> => {
  const m = new Map<string, string>();
  for (const a of e.attributes) m.set(a.key, a.value);
  return m;
};

/** "123uakt" → [123n, "uakt"]. */
export function parseCoin(s: string): [bigint, string] {
  const m = /^([0-9]+)([a-zA-Z][a-zA-Z0-9/:._-]*)$/.exec(s);
  if (m === null) throw new Error(`not a coin: '${s}'`);
  return [BigInt(m[1]!), m[2]!];
}

/** The GPU type a payment id carries (`<gpu>.<n>`, the tenants' naming). */
const gpuOf = (paymentId: string): string => paymentId.split(".")[0] ?? "unknown";

export const escrowMechanism: Mechanism = {
  name: "escrow",
  after: ["oracle"],
  systemSchema: closed(
    {
      denoms: {
        type: "array",
        minItems: 1,
        items: closed(
          { denom: { type: "string" }, min_deposit: { ...uintString("micro-units"), default: "500000" } },
          { required: ["denom"] },
        ),
        default: [{ denom: "uakt", min_deposit: "500000" }],
      },
      limits: closed({
        max_deposits: positiveInt("deposit entries per account"),
        max_payments: positiveInt("payments per account"),
        max_alerts: positiveInt("alerts per account"),
      }),
    },
    { default: {} },
  ),
  async deploy(ctx) {
    const sys = ctx.params.system.escrow as EscrowSystem;
    const gov = ctx.chain.backend.governance;
    const { codeId } = await gov.storeCode(ctx.wasm("escrow"), { title: "Store akash-econ escrow" });
    const msg = {
      admin: gov.govAddress,
      denoms: sys.denoms.map((d) => ({ denom: d.denom, min_deposit: d.min_deposit })),
      ...(sys.limits === undefined ? {} : { limits: sys.limits }),
      block_time: String(ctx.params.system.block_time_seconds),
    };
    const { address } = await gov.instantiate(codeId, msg, "akash-econ-escrow");
    return address;
  },
  observe(events, ctx) {
    const book = escrowBook(ctx);
    const price = ctx.signals.get("oracle.price") as number | undefined;
    for (const e of events) {
      if (!e.type.startsWith("wasm-escrow_")) continue;
      const a = attrs(e);
      const id = a.get("id") ?? "";
      switch (e.type) {
        case "wasm-escrow_account_created":
          ctx.kpi.add("escrow.accounts_created", 1, true);
          book.open.add(id);
          break;
        case "wasm-escrow_payment_created": {
          const denom = a.get("denom") ?? "";
          ctx.kpi.add("escrow.leases_created", 1, true);
          ctx.kpi.add(`escrow.leases_created.${denom}`, 1, true);
          const provider = a.get("provider") ?? "";
          const set = book.payments.get(provider) ?? new Set<string>();
          set.add(`${id}\t${a.get("payment_id") ?? ""}`);
          book.payments.set(provider, set);
          break;
        }
        case "wasm-escrow_settle":
          for (const attr of e.attributes) {
            if (attr.key !== "transferred") continue;
            const [amount, denom] = parseCoin(attr.value);
            addSpend(ctx, amount, denom, price);
          }
          break;
        case "wasm-escrow_debt_paid":
          // An overdrawn account's debt paid by a later deposit: consumption the settle could not pay at the time.
          addSpend(ctx, BigInt(a.get("amount") ?? "0"), a.get("denom") ?? "", price);
          break;
        case "wasm-escrow_withdraw":
          for (const item of (a.get("payouts") ?? "").split(";")) {
            if (item === "") continue;
            const [paymentId, , amount] = item.split(",");
            const [n, denom] = parseCoin(amount ?? "");
            ctx.kpi.add(`provider.income.${gpuOf(paymentId ?? "")}.${denom}`, n, true);
            const key = `${gpuOf(paymentId ?? "")}\t${denom}`;
            book.income.set(key, (book.income.get(key) ?? 0n) + n);
          }
          break;
        case "wasm-escrow_overdrawn":
          ctx.kpi.add("escrow.overdrafts", 1, true);
          book.open.delete(id);
          book.overdrawn.push(id);
          break;
        case "wasm-escrow_refund":
          for (const item of (a.get("refunds") ?? "").split(";")) {
            if (item === "") continue;
            const [n, denom] = parseCoin(item.split(",")[3] ?? "");
            ctx.kpi.add(`escrow.refunded.${denom}`, n, true);
          }
          break;
        case "wasm-escrow_payment_closed":
          for (const item of (a.get("payments") ?? "").split(";")) {
            if (item === "") continue;
            const [paymentId, provider] = item.split(",");
            book.payments.get(provider ?? "")?.delete(`${id}\t${paymentId ?? ""}`);
          }
          break;
        case "wasm-escrow_account_closed":
          ctx.kpi.add("escrow.accounts_closed", 1, true);
          book.open.delete(id);
          break;
        case "wasm-escrow_alert":
          book.alerts.push(id);
          ctx.kpi.add("escrow.alerts_fired", 1, true);
          break;
        case "wasm-escrow_grant":
          ctx.kpi.add("escrow.grants", 1, true);
          break;
        default:
          break;
      }
    }
  },
  measure(ctx) {
    ctx.kpi.set("escrow.accounts_open", escrowBook(ctx).open.size, true);
    return Promise.resolve();
  },
};

/** What leases consumed, in the denom and in USD at the oracle's latest price (USDC at par). */
function addSpend(ctx: RunContext, amount: bigint, denom: string, price: number | undefined): void {
  if (amount === 0n) return;
  ctx.kpi.add(`escrow.spend.${denom}`, amount, true);
  const units = Number(amount) / 1e6;
  const usd = denom === "uusdc" ? units : price === undefined ? 0 : units * price;
  ctx.kpi.add("escrow.spend_usd", usd, true);
  ctx.kpi.add(`escrow.spend_usd.${denom}`, usd, true);
}
