/**
 * The CW20 test fixture (test/cw20/contract.ts, built to build/test/cw20.wasm): a minimal standard token that stands
 * in for bme's ACT in the escrow's CW20 tests until the full-loop tests use the real one.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChainClient, JsonObject } from "../../sim/interface/index.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CW20_WASM = path.join(ROOT, "build/test/cw20.wasm");

export function cw20Wasm(): Uint8Array {
  if (!existsSync(CW20_WASM)) throw new Error(`${CW20_WASM} missing: run \`npm run build\` first`);
  return readFileSync(CW20_WASM);
}

/** InstantiateMsg giving each holder `amount`. */
export function cw20Instantiate(holders: readonly string[], amount: bigint, symbol = "TACT"): JsonObject {
  return {
    name: `Test ${symbol}`,
    symbol,
    decimals: 6,
    initial_balances: holders.map((address) => ({ address, amount: amount.toString() })),
  };
}

/** The escrow's denom for a CW20 token. */
export const cw20Denom = (token: string): string => `cw20:${token}`;

/** CW20 `send` to `contract` carrying `inner` (a ReceiveMsg) as the hook's base64 `msg`. */
export function cw20Send(contract: string, amount: bigint | number, inner: JsonObject | string): JsonObject {
  const json = typeof inner === "string" ? inner : JSON.stringify(inner);
  return { send: { contract, amount: amount.toString(), msg: Buffer.from(json, "utf8").toString("base64") } };
}

export async function cw20Balance(client: Pick<ChainClient, "queryContractSmart">, token: string, address: string) {
  const r = (await client.queryContractSmart(token, { balance: { address } })) as { balance: string };
  return BigInt(r.balance);
}
