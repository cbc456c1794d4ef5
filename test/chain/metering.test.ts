/**
 * cosmwasm-vm's instruction metering as injected by sim/wasm/metering.ts, checked on hand-assembled functions whose
 * gas follows from metering.rs and engine.rs by hand: 115 per operator, 1,610 per accounting operator, charged per
 * basic block before its last operator; 115 per declared local beyond 29 on entry.
 */
import { describe, expect, it } from "vitest";
import { GAS_GLOBAL, injectMetering } from "../../sim/wasm/metering.js";
import { Wasm } from "../../sim/chain/wasm-runtime.js";

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const section = (id: number, payload: number[]): number[] => [id, ...uleb(payload.length), ...payload];

/** A module exporting one function `f` of type (i32) -> i32 with the given locals and body (ending in `end`). */
function moduleOf(localGroups: [count: number, type: number][], body: number[]): Uint8Array {
  const locals = [...uleb(localGroups.length), ...localGroups.flatMap(([n, t]) => [...uleb(n), t])];
  const code = [...locals, ...body];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]),
    ...section(3, [1, 0]),
    ...section(7, [1, 1, 0x66, 0x00, 0]),
    ...section(10, [1, ...uleb(code.length), ...code]),
  ]);
}

interface Metered {
  run(arg: number, limit: bigint): { used: bigint; result?: number; trapped: boolean };
}

function metered(wasm: Uint8Array): Metered {
  const instance = new Wasm.Instance(new Wasm.Module(injectMetering(wasm)), {});
  const gas = instance.exports[GAS_GLOBAL] as { value: bigint };
  const f = instance.exports.f as (n: number) => number;
  return {
    run(arg, limit) {
      gas.value = limit;
      try {
        const result = f(arg);
        return { used: limit - gas.value, result, trapped: false };
      } catch {
        return { used: limit - gas.value, trapped: true };
      }
    },
  };
}

// i = 0; loop { i += 1; br_if (i < n) }; return i
const COUNT_LOOP = [
  0x03,
  0x40, // loop            accounting: its block is just itself (1,610)
  0x20,
  1,
  0x41,
  1,
  0x6a,
  0x22,
  1,
  0x20,
  0,
  0x49, // 6 operators (690)
  0x0d,
  0, // br_if            accounting: 690 + 1,610 = 2,300 per iteration
  0x0b, // end (of loop)         1,610
  0x20,
  1, // local.get          115
  0x0b, // end (of function)     115 + 1,610 = 1,725
];

describe("instruction metering (cosmwasm-vm 3.0 Metering middleware and cost function)", () => {
  it("charges each basic block its operators' cost before its last operator", () => {
    const m = metered(moduleOf([[1, 0x7f]], COUNT_LOOP));
    for (const n of [1, 2, 10, 1000]) {
      const r = m.run(n, 10n ** 12n);
      expect(r.result).toBe(n);
      expect(r.used).toBe(BigInt(1610 + 2300 * n + 1610 + 1725));
    }
  });

  it("charges a block's end with the code after it when no branch targets it, the same total", () => {
    // block; local.get 0; drop; end; local.get 0; end  — wasmer: 115·3 + 1,610, then 115 + 1,610
    const plain = metered(moduleOf([], [0x02, 0x40, 0x20, 0, 0x1a, 0x0b, 0x20, 0, 0x0b]));
    expect(plain.run(3, 10n ** 9n)).toEqual({ used: 3680n, result: 3, trapped: false });
    // block; local.get 0; br_if 0; end; local.get 0; end — a taken br_if jumps past the end (and its charge, inside
    // the block), as under wasmer; falling through pays it.
    const branching = metered(moduleOf([], [0x02, 0x40, 0x20, 0, 0x0d, 0, 0x0b, 0x20, 0, 0x0b]));
    expect(branching.run(1, 10n ** 9n).used).toBe(BigInt(115 * 2 + 1610 + 115 + 1610));
    expect(branching.run(0, 10n ** 9n).used).toBe(BigInt(115 * 2 + 1610 + 1610 + 115 + 1610));
  });

  it("charges 115 per declared local beyond 29 on entry", () => {
    // 40 locals: 11 charged (1,265), at once because the first operator (local.get) is not an accounting one.
    const m = metered(moduleOf([[40, 0x7f]], [0x20, 0, 0x0b]));
    expect(m.run(7, 10n ** 9n)).toEqual({ used: 1265n + 115n + 1610n, result: 7, trapped: false });
    // 29 locals: nothing extra.
    const free = metered(moduleOf([[29, 0x7f]], [0x20, 0, 0x0b]));
    expect(free.run(7, 10n ** 9n).used).toBe(115n + 1610n);
  });

  it("leaves the points negative when a block costs more than what is left", () => {
    const m = metered(moduleOf([[1, 0x7f]], COUNT_LOOP));
    const full = 1610 + 2300 * 5 + 1610 + 1725;
    const enough = m.run(5, BigInt(full));
    expect(enough).toEqual({ used: BigInt(full), result: 5, trapped: false });
    // One short: the last block (the function's end) takes the points below zero; the host reads that as out of gas.
    const short = m.run(5, BigInt(full - 1));
    expect(short.used).toBe(BigInt(full));
  });

  it("stops a loop at the first branch once the points are gone", () => {
    const m = metered(moduleOf([[1, 0x7f]], COUNT_LOOP));
    // Enough for the loop header and 3 iterations: the 4th iteration's br_if takes the points negative and traps.
    const r = m.run(1_000_000, BigInt(1610 + 2300 * 3));
    expect(r.trapped).toBe(true);
    expect(r.used).toBe(BigInt(1610 + 2300 * 4));
  });

  it("keeps the points exact across a call and at a trap (each function's cached copy is reloaded after a call)", () => {
    // f(n) = { n = g(n); if (1) { n / 0 } ; n }, g(n) = n + 1; both of type (i32) -> i32.
    const g = [0, 0x20, 0, 0x41, 1, 0x6a, 0x0b];
    const f = [0, 0x20, 0, 0x10, 1, 0x21, 0, 0x41, 1, 0x04, 0x40, 0x20, 0, 0x41, 0, 0x6e, 0x1a, 0x0b, 0x20, 0, 0x0b];
    const wasm = new Uint8Array([
      ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      ...section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]),
      ...section(3, [2, 0, 0]),
      ...section(7, [1, 1, 0x66, 0x00, 0]),
      ...section(10, [2, ...uleb(f.length), ...f, ...uleb(g.length), ...g]),
    ]);
    const r = metered(wasm).run(4, 10n ** 9n);
    expect(r.trapped).toBe(true);
    // f up to its call (1,725), all of g (1,955), f's block up to the `if` (1,840); the division's block is unpaid.
    expect(r.used).toBe(1725n + 1955n + 1840n);
  });
});

describe("tx size for the ante handler's per-byte cost", () => {
  it("computes the bytes of the TxRaw CosmJS signs (and simulates) without encoding it", async () => {
    const { TxBody, AuthInfo, TxRaw } = await import("cosmjs-types/cosmos/tx/v1beta1/tx");
    const { MsgExecuteContract } = await import("cosmjs-types/cosmwasm/wasm/v1/tx");
    const { PubKey } = await import("cosmjs-types/cosmos/crypto/secp256k1/keys");
    const { SignMode } = await import("cosmjs-types/cosmos/tx/signing/v1beta1/signing");
    const { txBytes, bytesField, coinsField } = await import("../../sim/chain/ante.js");
    const sender = "akash1jkg6l8c4uvj85f3fvdge2saz436d7rc524g9j3";
    const contract = "akash14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s8l2j6g";
    const cases = [
      {
        msg: '{"increment":{}}',
        funds: [],
        memo: "",
        sequence: 0n,
        fee: [{ denom: "uakt", amount: "5000" }],
        gas: 200_000n,
      },
      {
        msg: "x".repeat(300),
        funds: [{ denom: "uakt", amount: "7" }],
        memo: "grüße",
        sequence: 300n,
        fee: [],
        gas: 4_000_000n,
      },
    ];
    for (const c of cases) {
      const msg = MsgExecuteContract.encode({
        sender,
        contract,
        msg: new TextEncoder().encode(c.msg),
        funds: c.funds,
      }).finish();
      const size =
        bytesField(sender.length) + bytesField(contract.length) + bytesField(c.msg.length) + coinsField(c.funds);
      expect(size).toBe(msg.length);
      for (const simulate of [false, true]) {
        const body = TxBody.encode(
          TxBody.fromPartial({
            messages: [{ typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract", value: msg }],
            memo: c.memo,
          }),
        ).finish();
        const authInfo = AuthInfo.encode(
          AuthInfo.fromPartial({
            signerInfos: [
              {
                publicKey: {
                  typeUrl: "/cosmos.crypto.secp256k1.PubKey",
                  value: PubKey.encode({ key: new Uint8Array(33) }).finish(),
                },
                modeInfo: { single: { mode: simulate ? SignMode.SIGN_MODE_UNSPECIFIED : SignMode.SIGN_MODE_DIRECT } },
                sequence: c.sequence,
              },
            ],
            fee: simulate ? {} : { amount: c.fee, gasLimit: c.gas },
          }),
        ).finish();
        const raw = TxRaw.encode({
          bodyBytes: body,
          authInfoBytes: authInfo,
          signatures: [new Uint8Array(simulate ? 0 : 64)],
        }).finish();
        const computed = txBytes({
          typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract",
          message: msg.length,
          memo: c.memo,
          fee: { amount: c.fee, gas: c.gas },
          sequence: c.sequence,
          simulate,
        });
        expect(computed).toBe(raw.length);
      }
    }
  });
});
