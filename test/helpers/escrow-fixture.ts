/** Deploys the escrow contract on a fresh embedded chain with named, funded actors. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EscrowClient, EscrowQueryClient } from "../../clients/Escrow.client.js";
import type { InstantiateMsg } from "../../clients/Escrow.types.js";
import { EmbeddedChain, type ChainClient, type Coin, type ExecuteResult, type JsonObject } from "../../sim/index.js";
import { defaultInstantiateMsg } from "../../scripts/deploy/defaults.js";
import { cw20Balance, cw20Denom, cw20Instantiate, cw20Send, cw20Wasm } from "./cw20.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const ESCROW_WASM = path.join(ROOT, "artifacts/escrow.wasm");

export function escrowWasm(): Uint8Array {
  if (!existsSync(ESCROW_WASM)) throw new Error(`${ESCROW_WASM} missing: run \`npm run build\` first`);
  return readFileSync(ESCROW_WASM);
}

export const ACTORS = ["owner", "alice", "bob", "carol", "sponsor", "provider", "provider2", "stranger"] as const;
export type Actor = (typeof ACTORS)[number];

export interface EscrowEnv {
  chain: EmbeddedChain;
  client: ChainClient;
  contract: string;
  codeId: number;
  addr: Record<Actor, string>;
  /** The generated execute client, sending as `who` (an actor name or an address). */
  as(who: string): EscrowClient;
  /** The generated query client. */
  queries: EscrowQueryClient;
  /** Raw JSON message (also malformed ones); `who`: an actor name or an address. */
  exec(who: string, msg: JsonObject, funds?: Coin[]): Promise<ExecuteResult>;
  query<T = JsonObject>(msg: JsonObject): Promise<T>;
  /** Bank balance of an actor or address. */
  balance(who: string, denom?: string): Promise<bigint>;
}

export const FUNDING = 1_000_000_000_000n;

export async function setupEscrow(
  instantiate: Partial<InstantiateMsg> | JsonObject = {},
  chainOpts: { autoAdvance?: boolean } = {},
): Promise<EscrowEnv> {
  const chain = new EmbeddedChain(chainOpts);
  const client = chain.client();
  const addr = Object.fromEntries(ACTORS.map((a) => [a, chain.addressFor(a)])) as Record<Actor, string>;
  for (const a of ACTORS) {
    chain.fund(addr[a], [
      { denom: "uakt", amount: FUNDING.toString() },
      { denom: "uact", amount: FUNDING.toString() },
      { denom: "ufoo", amount: FUNDING.toString() },
    ]);
  }
  const deployer = addr.owner;
  const { codeId } = await client.upload(deployer, escrowWasm(), "auto");
  const { contractAddress } = await client.instantiate(
    deployer,
    codeId,
    { ...defaultInstantiateMsg("escrow", { admin: chain.govAddress }), ...instantiate },
    "escrow",
    "auto",
    { admin: chain.govAddress },
  );
  const resolve = (who: string): string => (who in addr ? addr[who as Actor] : who);
  return {
    chain,
    client,
    contract: contractAddress,
    codeId,
    addr,
    as: (who) => new EscrowClient(client, resolve(who), contractAddress),
    queries: new EscrowQueryClient(client, contractAddress),
    exec: (who, msg, funds = []) => client.execute(resolve(who), contractAddress, msg, "auto", "", funds),
    query: async <T>(msg: JsonObject) => (await client.queryContractSmart(contractAddress, msg)) as T,
    balance: async (who, denom = "uakt") => BigInt((await client.getBalance(resolve(who), denom)).amount),
  };
}

export function uakt(n: bigint | number): Coin[] {
  return [{ denom: "uakt", amount: n.toString() }];
}

/** Attribute value of the first event of `type` (e.g. "wasm-escrow_refund") matching `where`. */
export function eventsOf(
  res: { events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[] },
  type: string,
): Record<string, string>[] {
  return res.events
    .filter((e) => e.type === type)
    .map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}

/** The items of the `;`-separated list attribute `key` of the first event of `type`, each split at its commas. */
export function itemsOf(
  res: { events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[] },
  type: string,
  key: string,
): string[][] {
  const v = res.events.find((x) => x.type === type)?.attributes.find((a) => a.key === key)?.value;
  return v === undefined || v === "" ? [] : v.split(";").map((i) => i.split(","));
}

/** The CW20 fixture token deployed beside an escrow, its escrow denom, and CW20 calls as an actor. */
export interface TokenEnv {
  token: string;
  /** `cw20:<token>`: the escrow's denom for it. */
  denom: string;
  /** CW20 `send` to the escrow carrying `inner` (a ReceiveMsg, or raw JSON text). */
  send(who: string, amount: bigint | number, inner: JsonObject | string): Promise<ExecuteResult>;
  balance(who: string): Promise<bigint>;
}

/**
 * Deploys a CW20 fixture token (every actor holds FUNDING) and, unless `listed` is false, lets governance add it to
 * the escrow's denoms (after the current ones) with `minDeposit`.
 */
export async function addToken(
  e: EscrowEnv,
  opts: { listed?: boolean; minDeposit?: bigint; symbol?: string } = {},
): Promise<TokenEnv> {
  const resolve = (who: string): string => (who in e.addr ? e.addr[who as Actor] : who);
  const { codeId } = await e.client.upload(e.addr.owner, cw20Wasm(), "auto");
  const holders = ACTORS.map((a) => e.addr[a]);
  const init = cw20Instantiate(holders, FUNDING, opts.symbol ?? "TACT");
  const { contractAddress: token } = await e.client.instantiate(e.addr.owner, codeId, init, "token", "auto");
  const denom = cw20Denom(token);
  if (opts.listed !== false) {
    const cfg = await e.query<{ denoms: { denom: string; min_deposit: string }[] }>({ config: {} });
    const denoms = [...cfg.denoms, { denom, min_deposit: (opts.minDeposit ?? 500_000n).toString() }];
    await e.exec(e.chain.govAddress, { update_config: { denoms } });
  }
  return {
    token,
    denom,
    send: (who, amount, inner) =>
      e.client.execute(resolve(who), token, cw20Send(e.contract, amount, inner), "auto", "", []),
    balance: (who) => cw20Balance(e.client, token, resolve(who)),
  };
}
