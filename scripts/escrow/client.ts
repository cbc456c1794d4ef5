/**
 * Escrow helpers for the CLI on top of the generated client (clients/Escrow.client.ts): coin/argument parsing and
 * the `show` summary.
 */
import type { EscrowQueryClient } from "../../clients/Escrow.client.js";
import type { AccountResponse, DepositResponse, PaymentResponse } from "../../clients/Escrow.types.js";
import type { Coin } from "../../sim/interface/client.js";
import { DENOM_PATTERN } from "../../sim/interface/coin.js";

export type Source = "balance" | "grant";

export interface ShownAccount {
  account: AccountResponse;
  deposits: DepositResponse[];
  payments: PaymentResponse[];
}

const COIN_TEXT = new RegExp(`^(\\d+)(${DENOM_PATTERN})$`);
const RATE_TEXT = new RegExp(`^(\\d+(?:\\.\\d{1,18})?)(${DENOM_PATTERN})$`);

export class EscrowArgError extends Error {}

/** "5000000uakt" → {denom, amount}; several comma-separated coins with `parseCoins`. */
export function parseCoin(s: string): Coin {
  const m = COIN_TEXT.exec(s.trim());
  if (!m) throw new EscrowArgError(`invalid coin "${s}": expected <amount><denom>, e.g. 5000000uakt`);
  return { amount: BigInt(m[1]!).toString(), denom: m[2]! };
}

export function parseCoins(s: string): Coin[] {
  return s
    .split(",")
    .filter((x) => x.trim() !== "")
    .map(parseCoin);
}

/** "1.5uakt" → rate "1.5" per block in uakt. */
export function parseRate(s: string): { rate: string; denom: string } {
  const m = RATE_TEXT.exec(s.trim());
  if (!m) throw new EscrowArgError(`invalid rate "${s}": expected <decimal><denom> per block, e.g. 1.5uakt`);
  return { rate: m[1]!, denom: m[2]! };
}

export function parseSources(s: string): Source[] {
  const out = s.split(",").map((x) => x.trim());
  for (const x of out) {
    if (x !== "balance" && x !== "grant") throw new EscrowArgError(`invalid source "${x}": expected balance or grant`);
  }
  return out as Source[];
}

/** The funds a deposit attaches: the whole amount when it comes only from the balance, else what `attach` says. */
export function fundsFor(amount: Coin, sources: Source[] | undefined, attach: Coin[] | undefined): Coin[] {
  if (attach !== undefined) return attach;
  if (sources === undefined || (sources.length === 1 && sources[0] === "balance")) return [amount];
  return [];
}

/** Account, its deposits and its payments (first pages). */
export async function showAccount(q: EscrowQueryClient, id: string): Promise<ShownAccount> {
  const [account, deposits, payments] = await Promise.all([
    q.account({ id }),
    q.deposits({ id, limit: 30 }),
    q.payments({ id, limit: 30 }),
  ]);
  return { account, deposits: deposits.deposits, payments: payments.payments };
}
