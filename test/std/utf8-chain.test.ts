// Strict UTF-8 end to end: raw message bytes, as wasmd passes them (it does not check UTF-8), reach the escrow on
// the embedded chain. Before the std decoded strictly, `{"deposit` C0 A2 `:{…}}` executed as a deposit, although
// every client reads C0 A2 as two invalid bytes inside one garbled key.

import { beforeAll, describe, expect, it } from "vitest";
import { TxError } from "../../sim/index.js";
import { setupEscrow, uakt, type EscrowEnv } from "../helpers/escrow-fixture.js";

let e: EscrowEnv;

beforeAll(async () => {
  e = await setupEscrow();
  await e.exec("owner", { create_account: { id: "a" } }, uakt(1_000_000));
});

/** Executes `bytes` as the message of a MsgExecuteContract from `owner` with 5uakt; the tx's error, or undefined. */
function executeRaw(bytes: Uint8Array): string | undefined {
  const sender = e.addr.owner;
  try {
    e.chain.runTx(
      sender,
      "/cosmwasm.wasm.v1.MsgExecuteContract",
      "wasm",
      { raw: Buffer.from(bytes).toString("hex") },
      (ctx) => e.chain.keeper.execute(ctx, e.contract, sender, bytes, [{ denom: "uakt", amount: 5n }]),
    );
    return undefined;
  } catch (err) {
    if (!(err instanceof TxError)) throw err;
    return err.record.rawLog;
  }
}

const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("escrow messages with invalid UTF-8", () => {
  it("rejects an overlong quote instead of executing a deposit, and changes nothing", async () => {
    const body = ':{"id":"a","amount":{"denom":"uakt","amount":"5"}}}';
    const before = await e.query({ deposits: { id: "a" } });
    const contractBalance = e.chain.balance(e.contract);

    // JSON.parse of what a client decodes sees no deposit variant.
    const garbled = bytesOf('{"deposit', [0xc0, 0xa2], body);
    expect(() => {
      JSON.parse(new TextDecoder().decode(garbled));
    }).toThrow();
    expect(executeRaw(garbled)).toContain(
      "Error parsing into type ExecuteMsg: invalid unicode code point at line 1 column 10",
    );
    expect(await e.query({ deposits: { id: "a" } })).toEqual(before);
    expect(e.chain.balance(e.contract)).toBe(contractBalance);

    // The same message with a real quote is a deposit: the rejection above is the UTF-8 check, not the message.
    expect(executeRaw(bytesOf('{"deposit"', body))).toBeUndefined();
    expect(e.chain.balance(e.contract)).toBe(contractBalance + 5n);
  });

  it("rejects a surrogate and an invalid lead byte with the position, never the bytes", () => {
    const surrogate = executeRaw(bytesOf('{"deposit":{"id":"', [0xed, 0xa0, 0x80], '"}}'));
    expect(surrogate).toContain("invalid unicode code point at line 1 column 19");
    const lead = executeRaw(bytesOf('{"', [0xf8], 'deposit":{}}'));
    expect(lead).toContain("invalid unicode code point at line 1 column 3");
    expect(lead).not.toMatch(/[\uFFFD\uD800-\uDFFF]/);
  });
});
