/**
 * Typed helpers over a ChainClient for the escrow contract: message builders shared by the CLI and the tests, and
 * coin/argument parsing.
 */
import type { ChainClient, Coin, ExecuteResult, JsonObject } from "../../sim/interface/client.js";
import { DENOM_PATTERN } from "../../sim/interface/coin.js";

export type Source = "balance" | "grant";

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

export const msgs = {
  createAccount: (id: string, amount?: Coin, sources?: Source[]): JsonObject => ({
    create_account: { id, ...(amount ? { amount } : {}), ...(sources ? { sources } : {}) },
  }),
  deposit: (id: string, amount?: Coin, sources?: Source[]): JsonObject => ({
    deposit: { id, ...(amount ? { amount } : {}), ...(sources ? { sources } : {}) },
  }),
  grant: (grantee: string, expiresAtHeight?: number, scopes?: string[]): JsonObject => ({
    grant: {
      grantee,
      ...(expiresAtHeight !== undefined ? { expires_at: { at_height: expiresAtHeight } } : {}),
      ...(scopes ? { scopes } : {}),
    },
  }),
  revokeGrant: (grantee: string): JsonObject => ({ revoke_grant: { grantee } }),
  createPayment: (id: string, paymentId: string, provider: string, denom: string, rate: string): JsonObject => ({
    create_payment: { id, payment_id: paymentId, provider, denom, rate },
  }),
  withdraw: (id: string, paymentId: string): JsonObject => ({ withdraw: { id, payment_id: paymentId } }),
  closePayment: (id: string, paymentId: string): JsonObject => ({ close_payment: { id, payment_id: paymentId } }),
  settle: (id: string): JsonObject => ({ settle: { id } }),
  closeAccount: (id: string): JsonObject => ({ close_account: { id } }),
};

/** The funds a deposit attaches: the whole amount when it comes only from the balance, else what `attach` says. */
export function fundsFor(amount: Coin, sources: Source[] | undefined, attach: Coin[] | undefined): Coin[] {
  if (attach !== undefined) return attach;
  if (sources === undefined || (sources.length === 1 && sources[0] === "balance")) return [amount];
  return [];
}

export class EscrowClient {
  constructor(
    readonly client: Pick<ChainClient, "execute" | "queryContractSmart">,
    readonly contract: string,
  ) {}

  execute(sender: string, msg: JsonObject, funds: readonly Coin[] = []): Promise<ExecuteResult> {
    return this.client.execute(sender, this.contract, msg, "auto", "", funds);
  }

  query(msg: JsonObject): Promise<JsonObject> {
    return this.client.queryContractSmart(this.contract, msg);
  }

  /** Account, its deposits and its payments (first pages). */
  async show(id: string): Promise<JsonObject> {
    const [account, deposits, payments] = await Promise.all([
      this.query({ account: { id } }),
      this.query({ deposits: { id, limit: 30 } }),
      this.query({ payments: { id, limit: 30 } }),
    ]);
    return { account, deposits: deposits.deposits, payments: payments.payments };
  }
}
