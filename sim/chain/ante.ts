// The gas a tx spends outside its message: the SDK ante handler as wasmd 0.61 wires it (app/ante.go), and the
// store accesses of the account and fee modules. The size-dependent part is exact: `ConsumeGasForTxSize` charges
// `TxSizeCostPerByte` (10) per byte of the signed tx, computed here by encoding the tx CosmJS would sign (same
// message, memo, fee, sequence, a 33-byte secp256k1 key and a 64-byte signature). The rest — signature verification
// (1,000 for secp256k1), the fee payer's account reads and writes, the fee transfer's balance reads and writes — is
// a constant measured against wasmd (docs/embedded-chain.md#gas), plus what the first tx of an account pays more
// for storing its public key.

import type { Coin } from "../interface/coin.js";

/** x/auth params `TxSizeCostPerByte` (default). */
export const TX_SIZE_COST_PER_BYTE = 10;

/**
 * SDK gas of a tx's ante handler besides the size cost and the fee, measured on wasmd 0.61.14 (one secp256k1 signer
 * whose public key is on chain): the account reads and writes (sequence), the signature's cost, the tx counter.
 */
export const ANTE_FIXED_GAS = 30_553;
/**
 * Paying a fee (DeductFeeDecorator, skipped for a zero fee as in a simulation): the payer's account, the transfer to
 * the fee collector (send-enabled check, balance reads and writes, the denom index), besides the digit-dependent
 * part computed in `anteGas`.
 */
export const FEE_FIXED_GAS = 18_054;
/** What the first tx of an account pays more: the ante handler stores its public key. */
export const FIRST_TX_EXTRA_GAS = 13_168;

export interface TxShape {
  typeUrl: string;
  /** Bytes of the protobuf-encoded message. */
  message: number;
  memo: string;
  fee: { amount: readonly Coin[]; gas: bigint };
  sequence: bigint;
  /** The tx CosmJS `simulate` sends: no fee, sign mode unspecified, an empty signature. */
  simulate?: boolean;
}

// Protobuf sizes, computed rather than encoded (a tx would otherwise pay for encoding it): every field here has a
// one-byte tag; proto3 leaves empty scalars out, while a set sub-message is written even when empty.

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function varintBytes(n: number | bigint): number {
  // Numbers where exact (BigInt arithmetic allocates, and this runs for every tx); the same count either way.
  if (typeof n === "number" ? Number.isSafeInteger(n) : n <= MAX_SAFE && n >= -MAX_SAFE) {
    let w = Number(n);
    let bytes = 1;
    while (w >= 128) {
      w = Math.floor(w / 128);
      bytes++;
    }
    return bytes;
  }
  let v = BigInt(n);
  let b = 1;
  while (v >= 128n) {
    v >>= 7n;
    b++;
  }
  return b;
}

/** A length-delimited field (string, bytes, sub-message) that is always written. */
export const message = (bytes: number): number => 1 + varintBytes(bytes) + bytes;
/** A string or bytes field: left out when empty. */
export const bytesField = (bytes: number): number => (bytes === 0 ? 0 : message(bytes));
/** A uint64 field: left out when zero. */
export const uintField = (n: number | bigint): number =>
  (typeof n === "bigint" ? n === 0n : Number.isInteger(n) ? n === 0 : BigInt(n) === 0n) ? 0 : 1 + varintBytes(n);
export function utf8Bytes(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, "utf8");
  return s.length;
}
/** A repeated Coin field. */
export const coinsField = (coins: readonly Coin[]): number =>
  coins.reduce((n, c) => n + message(bytesField(utf8Bytes(c.denom)) + bytesField(c.amount.length)), 0);

/** The secp256k1 public key as an Any in the signer info: type URL and a 33-byte key. */
const PUBKEY_ANY = message(bytesField("/cosmos.crypto.secp256k1.PubKey".length) + bytesField(message(33)));

/** Bytes of the signed tx (TxRaw) CosmJS broadcasts for this message (or sends to `simulate`). */
export function txBytes(shape: TxShape): number {
  const simulate = shape.simulate === true;
  const body =
    message(bytesField(shape.typeUrl.length) + bytesField(shape.message)) + bytesField(utf8Bytes(shape.memo));
  // ModeInfo{single{mode}}: DIRECT is mode 1; simulation leaves the mode unspecified (an empty Single).
  const modeInfo = message(message(simulate ? 0 : 2));
  const signerInfo = PUBKEY_ANY + modeInfo + uintField(shape.sequence);
  const fee = simulate ? 0 : coinsField(shape.fee.amount) + uintField(shape.fee.gas);
  const authInfo = message(signerInfo) + message(fee);
  return bytesField(body) + bytesField(authInfo) + message(simulate ? 0 : 64);
}

/**
 * Gas the ante handler consumes before the message runs. The fee deduction's size-dependent part: the payer's
 * balance is read and written (3 + 30 per digit) and the fee collector's written (30 per digit of the fee; it is
 * emptied every block).
 */
export function anteGas(shape: TxShape, payerBalance: () => bigint): number {
  const digits = (n: bigint): number => (n <= 0n ? 0 : n.toString().length);
  const fee = shape.fee.amount.reduce((n, c) => n + BigInt(c.amount), 0n);
  // The balance is looked up only for a fee: most embedded-chain txs pay none.
  const balance = fee === 0n ? 0n : payerBalance();
  const feeGas = fee === 0n ? 0 : FEE_FIXED_GAS + 3 * digits(balance) + 30 * digits(balance - fee) + 30 * digits(fee);
  return (
    ANTE_FIXED_GAS + TX_SIZE_COST_PER_BYTE * txBytes(shape) + feeGas + (shape.sequence === 0n ? FIRST_TX_EXTRA_GAS : 0)
  );
}
