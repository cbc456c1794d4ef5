// The gas a tx spends outside its message: the SDK ante handler as wasmd 0.61 wires it (app/ante.go), and the
// store accesses of the account and fee modules. The size-dependent part is exact: `ConsumeGasForTxSize` charges
// `TxSizeCostPerByte` (10) per byte of the signed tx, computed here by encoding the tx CosmJS would sign (same
// message, memo, fee, sequence, a 33-byte secp256k1 key and a 64-byte signature). The rest — signature verification
// (1,000 for secp256k1), the fee payer's account reads and writes, the fee transfer's balance reads and writes — is
// a constant measured against wasmd (docs/embedded-chain.md#gas), plus what the first tx of an account pays more
// for storing its public key.

import { Any } from "cosmjs-types/google/protobuf/any";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
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
  /** The message, protobuf-encoded. */
  message: Uint8Array;
  memo: string;
  fee: { amount: readonly Coin[]; gas: bigint };
  sequence: bigint;
  /** The tx CosmJS `simulate` sends: no fee, sign mode unspecified, an empty signature. */
  simulate?: boolean;
}

const PUBKEY = Any.fromPartial({
  typeUrl: "/cosmos.crypto.secp256k1.PubKey",
  value: PubKey.encode({ key: new Uint8Array(33) }).finish(),
});

/** Bytes of the signed tx (TxRaw) CosmJS broadcasts for this message. */
export function txBytes(shape: TxShape): number {
  const body = TxBody.encode(
    TxBody.fromPartial({ messages: [{ typeUrl: shape.typeUrl, value: shape.message }], memo: shape.memo }),
  ).finish();
  const authInfo = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [
        {
          publicKey: PUBKEY,
          modeInfo: { single: { mode: shape.simulate === true ? SignMode.SIGN_MODE_UNSPECIFIED : SignMode.SIGN_MODE_DIRECT } },
          sequence: shape.sequence,
        },
      ],
      fee: shape.simulate === true ? {} : { amount: [...shape.fee.amount], gasLimit: shape.fee.gas },
    }),
  ).finish();
  const signature = new Uint8Array(shape.simulate === true ? 0 : 64);
  return TxRaw.encode({ bodyBytes: body, authInfoBytes: authInfo, signatures: [signature] }).finish().length;
}

/**
 * Gas the ante handler consumes before the message runs. The fee deduction's size-dependent part: the payer's
 * balance is read and written (3 + 30 per digit) and the fee collector's written (30 per digit of the fee; it is
 * emptied every block).
 */
export function anteGas(shape: TxShape, payerBalance: bigint): number {
  const digits = (n: bigint): number => (n <= 0n ? 0 : n.toString().length);
  const fee = shape.fee.amount.reduce((n, c) => n + BigInt(c.amount), 0n);
  const feeGas =
    fee === 0n ? 0 : FEE_FIXED_GAS + 3 * digits(payerBalance) + 30 * digits(payerBalance - fee) + 30 * digits(fee);
  return (
    ANTE_FIXED_GAS +
    TX_SIZE_COST_PER_BYTE * txBytes(shape) +
    feeGas +
    (shape.sequence === 0n ? FIRST_TX_EXTRA_GAS : 0)
  );
}
