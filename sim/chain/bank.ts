// x/bank's keeper operations with the events it emits (cosmos-sdk x/bank/keeper/send.go, keeper.go).

import { coinsText } from "./coins.js";
import type { Amount } from "../interface/coin.js";
import { Err } from "./errors.js";
import { KvGas, type GasMeter } from "./gas.js";
import type { World } from "./world.js";

// ---- gas: x/bank and x/auth store accesses through the SDK's gas KV store (cosmos-sdk v0.53, collections) -------

/** Bytes of an account address (20 for a key, 32 for a contract), from its bech32 length. */
export function addressBytes(address: string): number {
  const sep = address.lastIndexOf("1");
  return Math.floor(((address.length - sep - 1 - 6) * 5) / 8);
}

const varintBytes = (n: bigint): number => {
  let b = 1;
  while (n >= 128n) {
    n >>= 7n;
    b++;
  }
  return b;
};

/** The auth module's account record of an address, if any: its sequence (`account/<address>` in the seq store). */
export const accountKey = (address: string): string => `account/${address}`;

export function accountExists(w: World, address: string): boolean {
  return w.seq.get(accountKey(address)) !== undefined;
}

/** Creates the account record if missing (a first receipt, a contract instance, test funding). */
export function ensureAccount(w: World, address: string): void {
  if (!accountExists(w, address)) w.seq.set(accountKey(address), 0n);
}

/**
 * Bytes of the stored account (a `BaseAccount` in an `Any`): address text, the secp256k1 key once it signed, an
 * account number (taken as one byte: small on these chains), the sequence.
 */
function accountValueBytes(w: World, address: string): number {
  const sequence = w.seq.get(accountKey(address));
  if (sequence === undefined) return 0;
  const inner = 2 + address.length + (sequence > 0n ? 72 : 0) + 2 + (sequence > 0n ? 1 + varintBytes(sequence) : 0);
  return 2 + "/cosmos.auth.v1beta1.BaseAccount".length + 1 + varintBytes(BigInt(inner)) + inner;
}

const read = (gas: GasMeter, key: number, value: number): void => {
  gas.consume(KvGas.readFlat, "ReadFlat");
  gas.consume(KvGas.readPerByte * key, "ReadPerByte");
  gas.consume(KvGas.readPerByte * value, "ReadPerByte");
};

const write = (gas: GasMeter, key: number, value: number): void => {
  gas.consume(KvGas.writeFlat, "WriteFlat");
  gas.consume(KvGas.writePerByte * key, "WritePerByte");
  gas.consume(KvGas.writePerByte * value, "WritePerByte");
};

/** Balances key: prefix 2, length-prefixed address, denom. */
const balanceKey = (address: string, denom: string): number => 2 + addressBytes(address) + denom.length;
/** The denom index (prefix 3, denom, 0x00, address), an empty value. */
const denomIndexKey = (address: string, denom: string): number => 2 + denom.length + addressBytes(address);
const amountBytes = (amount: bigint): number => (amount === 0n ? 0 : amount.toString().length);

/** `GetBalance`: one read of the balance (an absent one reads no value bytes). */
function readBalance(gas: GasMeter, w: World, address: string, denom: string): void {
  read(gas, balanceKey(address, denom), amountBytes(w.balance(address, denom)));
}

/** `setBalance`: the denom index entry and the amount, or removing both when it reaches zero. */
function writeBalance(gas: GasMeter, address: string, denom: string, amount: bigint): void {
  if (amount === 0n) {
    gas.consume(KvGas.delete, "Delete");
    gas.consume(KvGas.delete, "Delete");
    return;
  }
  write(gas, denomIndexKey(address, denom), 0);
  write(gas, balanceKey(address, denom), amountBytes(amount));
}

/**
 * What creating an account costs besides the balance: the next account number (read and write), the account and
 * its account-number index. Measured on wasmd 0.61.14 (a send to a fresh address).
 */
export const NEW_ACCOUNT_GAS = 13_900;

/** A bank `MsgSend` routed from a contract pays this much besides its store accesses (measured on wasmd 0.61.14). */
export const BANK_SEND_MSG_GAS = 980;

/**
 * x/auth `GetModuleAccount` of a genesis module account (no permissions, account number below 128): one read of
 * the stored `ModuleAccount` in an `Any` (`SendCoinsFromAccountToModule` does it before `SendCoins`).
 */
export function moduleAccountReadGas(gas: GasMeter, address: string, name: string): void {
  const base = 2 + address.length + 2; // address, account number
  const module = 2 + base + 2 + name.length;
  read(gas, 1 + addressBytes(address), 2 + "/cosmos.auth.v1beta1.ModuleAccount".length + 2 + module);
}

/** x/bank `IsSendEnabledCoins`: the params, then each denom's send-enabled entry. */
export function sendEnabledGas(gas: GasMeter, coins: readonly Amount[]): void {
  if (coins.length === 0) return;
  read(gas, 1, 2);
  for (const c of coins) read(gas, 1 + c.denom.length, 0);
}

export interface Attribute {
  key: string;
  value: string;
}

export interface SdkEvent {
  type: string;
  attributes: Attribute[];
}

export const event = (type: string, ...pairs: [string, string][]): SdkEvent => ({
  type,
  attributes: pairs.map(([key, value]) => ({ key, value })),
});

/** `subUnlockedCoins`: fails on the first coin the balance does not cover, with the SDK's text. */
function subtract(w: World, address: string, coins: readonly Amount[], gas?: GasMeter): void {
  // LockedCoins reads the account (vesting).
  if (gas !== undefined) read(gas, 1 + addressBytes(address), accountValueBytes(w, address));
  for (const c of coins) {
    const have = w.balance(address, c.denom);
    if (gas !== undefined) readBalance(gas, w, address, c.denom);
    if (have < c.amount) {
      throw Err.insufficientFunds.wrap(`spendable balance ${have}${c.denom} is smaller than ${c.amount}${c.denom}`);
    }
    if (gas !== undefined) writeBalance(gas, address, c.denom, have - c.amount);
  }
  for (const c of coins) w.setBalance(address, c.denom, w.balance(address, c.denom) - c.amount);
}

function add(w: World, address: string, coins: readonly Amount[], gas?: GasMeter): void {
  for (const c of coins) {
    const next = w.balance(address, c.denom) + c.amount;
    if (gas !== undefined) {
      readBalance(gas, w, address, c.denom);
      writeBalance(gas, address, c.denom, next);
    }
    w.setBalance(address, c.denom, next);
  }
}

/**
 * `SendCoins`: coin_spent, coin_received, transfer. With a gas meter, charges the SDK's store accesses and creates the
 * recipient's account when it has none.
 */
export function sendCoins(w: World, from: string, to: string, coins: readonly Amount[], gas?: GasMeter): SdkEvent[] {
  subtract(w, from, coins, gas);
  add(w, to, coins, gas);
  if (gas !== undefined) {
    gas.consume(KvGas.has, "Has");
    if (!accountExists(w, to)) {
      gas.consume(NEW_ACCOUNT_GAS, "new account");
      ensureAccount(w, to);
    }
  }
  const amount = coinsText(coins);
  return [
    event("coin_spent", ["spender", from], ["amount", amount]),
    event("coin_received", ["receiver", to], ["amount", amount]),
    event("transfer", ["recipient", to], ["sender", from], ["amount", amount]),
  ];
}

/** `BurnCoins` from a module account: coin_spent, burn; supply shrinks. */
export function burnCoins(w: World, module: string, coins: readonly Amount[]): SdkEvent[] {
  subtract(w, module, coins);
  for (const c of coins) w.supply.set(c.denom, (w.supply.get(c.denom) ?? 0n) - c.amount);
  const amount = coinsText(coins);
  return [
    event("coin_spent", ["spender", module], ["amount", amount]),
    event("burn", ["burner", module], ["amount", amount]),
  ];
}

/** Test funding: minted straight into the account, supply grows (no events: not part of any tx). */
export function mintCoins(w: World, to: string, coins: readonly Amount[]): void {
  ensureAccount(w, to);
  add(w, to, coins);
  for (const c of coins) w.supply.set(c.denom, (w.supply.get(c.denom) ?? 0n) + c.amount);
}
