// Coins with the Cosmos SDK's rules: integer amounts as bigint, `sdk.Coins` sorted by denom without duplicates or zeros.

import { isDenom, type Amount, type Coin } from "../interface/coin.js";
import { ChainError, Err } from "./errors.js";
import { isMap, type Json } from "./json.js";

const UINT = /^[0-9]+$/;

export const coinsText = (coins: readonly Amount[]): string => coins.map((c) => `${c.amount}${c.denom}`).join(",");

export const toWire = (coins: readonly Amount[]): Coin[] =>
  coins.map((c) => ({ denom: c.denom, amount: c.amount.toString() }));

/** `Coins.Add` semantics: merged, sorted by denom, zeros dropped. */
export function normalize(coins: readonly Amount[]): Amount[] {
  const byDenom = new Map<string, bigint>();
  for (const c of coins) byDenom.set(c.denom, (byDenom.get(c.denom) ?? 0n) + c.amount);
  return [...byDenom.entries()]
    .filter(([, a]) => a !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([denom, amount]) => ({ denom, amount }));
}

function validCoin(denom: string, amount: string): Amount | undefined {
  if (!isDenom(denom) || !UINT.test(amount)) return undefined;
  return { denom, amount: BigInt(amount) };
}

/** Coins from a contract message (wasmd `ConvertWasmCoinsToSdkCoins`). */
export function coinsFromContract(value: Json | undefined): Amount[] {
  if (!Array.isArray(value)) throw Err.invalidCoins.wrap("coins must be a list");
  const out: Amount[] = [];
  for (const v of value) {
    const denom = isMap(v) && typeof v.denom === "string" ? v.denom : "";
    const amount = isMap(v) && typeof v.amount === "string" ? v.amount : "";
    const coin = validCoin(denom, amount);
    if (coin === undefined) throw Err.invalidCoins.wrap(`${denom}${amount}`);
    out.push(coin);
  }
  return normalize(out);
}

/**
 * `sdk.Coins.Validate()` (cosmos-sdk 0.53 types/coin.go) of integer amounts: the error text, or undefined when valid.
 * wasmd 0.61's `ValidateBasic` of MsgInstantiateContract(2) and MsgExecuteContract wraps it as `funds: <text>`.
 */
export function coinsValidateError(coins: readonly { denom: string; amount: string }[]): string | undefined {
  // Amounts that are not integers cannot even be encoded by a client; coinsFromClient rejects them.
  if (!coins.every((c) => /^-?[0-9]+$/.test(c.amount))) return undefined;
  const first = coins[0];
  if (first === undefined) return undefined;
  if (!isDenom(first.denom)) return `invalid denom: ${first.denom}`;
  if (BigInt(first.amount) <= 0n) return `coin ${BigInt(first.amount)}${first.denom} amount is not positive`;
  let low = first.denom;
  for (const c of coins.slice(1)) {
    if (!isDenom(c.denom)) return `invalid denom: ${c.denom}`;
    if (c.denom < low) return `denomination ${c.denom} is not sorted`;
    if (c.denom === low) return `duplicate denomination ${c.denom}`;
    if (BigInt(c.amount) <= 0n) return `coin ${c.denom} amount is not positive`;
    low = c.denom;
  }
  return undefined;
}

/** Coins a client signs (`Coins.IsValid`: sorted, unique, positive); otherwise the SDK's "invalid coins". */
export function coinsFromClient(coins: readonly { denom: string; amount: string }[]): Amount[] {
  const out: Amount[] = [];
  for (const c of coins) {
    const coin = validCoin(c.denom, c.amount);
    const prev = out[out.length - 1];
    if (coin === undefined || coin.amount === 0n || (prev !== undefined && prev.denom >= coin.denom)) {
      throw new ChainError(`${coinsTextRaw(coins)}: invalid coins`, "sdk", 10);
    }
    out.push(coin);
  }
  return out;
}

const coinsTextRaw = (coins: readonly { denom: string; amount: string }[]): string =>
  coins.map((c) => `${c.amount}${c.denom}`).join(",");
