/**
 * The alert watcher (scripts/escrow/watch.ts) over the embedded chain's event log: event filtering, block
 * bookkeeping and the webhook POST to a local HTTP server; plus the `akash-econ escrow` CLI on the embedded chain.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/commands/escrow.js";
import { EmbeddedEventSource } from "../../scripts/escrow/embedded-source.js";
import {
  AlertWatcher,
  filterAlerts,
  webhookSink,
  type EscrowAlert,
  type SourceTx,
} from "../../scripts/escrow/watch.js";
import { setupEscrow, uakt } from "../helpers/escrow-fixture.js";

let server: Server;
let url: string;
const received: unknown[] = [];
let failNext = 0;

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = "";
    req.on("data", (c: Buffer) => (s += c.toString()));
    req.on("end", () => {
      resolve(s);
    });
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void body(req).then((s) => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end();
        return;
      }
      received.push({ method: req.method, type: req.headers["content-type"], body: JSON.parse(s) as unknown });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

describe("escrow alert watcher", () => {
  it("keeps only wasm-escrow_alert events of the watched contract", () => {
    const ev = (type: string, contract: string, extra: Record<string, string> = {}) => ({
      type,
      attributes: [
        { key: "_contract_address", value: contract },
        ...Object.entries(extra).map(([key, value]) => ({ key, value })),
      ],
    });
    const txs: SourceTx[] = [
      {
        hash: "H1",
        events: [
          ev("wasm-escrow_alert", "C", { id: "x", kind: "amount", blocks_left: "3" }),
          ev("wasm-escrow_alert", "OTHER", { id: "y" }),
          ev("wasm-escrow_settle", "C", { id: "x" }),
          ev("wasm", "C", { action: "settle" }),
        ],
      },
    ];
    const got = filterAlerts("C", 7, txs);
    expect(got).toEqual([
      {
        contract: "C",
        height: 7,
        txHash: "H1",
        id: "x",
        registrant: "",
        denom: "",
        kind: "amount",
        threshold: "",
        balance: "",
        blocksLeft: "3",
      },
    ]);
  });

  it("follows alerts block by block and POSTs them to the webhook, retrying a failed delivery", async () => {
    const e = await setupEscrow();
    const other = await setupEscrow(); // a second escrow on another chain must not leak in
    const source = new EmbeddedEventSource(e.chain);
    const watcher = new AlertWatcher(source, e.contract, webhookSink(url), { fromHeight: 1, maxBlocksPerPoll: 5_000 });
    await e.exec("owner", { create_account: { id: "w" } }, uakt(1_000_000));
    await e.exec("owner", {
      create_payment: { id: "w", payment_id: "p", provider: e.addr.provider, denom: "uakt", rate: "1000" },
    });
    await e.exec("owner", { set_alert: { id: "w", denom: "uakt", below: { blocks_left: 100 } } });
    await other.exec("owner", { create_account: { id: "w" } }, uakt(1_000_000));
    // The current block is still open: nothing to read yet.
    expect(await watcher.poll()).toEqual([]);
    e.chain.advanceBlocks(950);
    await e.exec("stranger", { settle: { id: "w" } });
    await expect(e.exec("stranger", { settle: { id: "nope" } })).rejects.toThrow(); // failed tx: ignored
    e.chain.advanceBlocks(1);
    failNext = 1;
    await expect(watcher.poll()).rejects.toThrow("answered 503");
    const delivered: EscrowAlert[] = await watcher.poll(); // the failed block is read again
    expect(delivered).toHaveLength(1);
    expect(received).toEqual([
      {
        method: "POST",
        type: "application/json",
        body: {
          contract: e.contract,
          height: 951,
          txHash: delivered[0]!.txHash,
          id: "w",
          registrant: e.addr.owner,
          denom: "uakt",
          kind: "blocks_left",
          threshold: "100",
          balance: "50000",
          blocksLeft: "50",
        },
      },
    ]);
    expect(watcher.next).toBe(e.chain.height);
    expect(await watcher.poll()).toEqual([]);
  });
});

describe("akash-econ escrow CLI", () => {
  it("prints usage and rejects bad arguments", async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(
      await run(
        ["--help"],
        {},
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(0);
    expect(out.join("\n")).toContain("usage: akash-econ escrow");
    expect(
      await run(
        ["frobnicate", "--chain", "embedded"],
        {},
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(
      await run(
        ["create", "x", "--amount", "5"],
        {},
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join("\n")).toContain("missing --contract");
    expect(
      await run(
        ["deposit", "x", "--amount", "5uakt", "--sponsors", "akash1abc", "--chain", "embedded"],
        {},
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join("\n")).toContain("--sponsors names grants to draw from: it needs --sources with grant");
  });

  it("runs a command against a fresh escrow on the embedded chain", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(
      ["create", "cli/1", "--amount", "700000uakt", "--chain", "embedded"],
      {},
      (l) => out.push(l),
      (l) => err.push(l),
    );
    expect(err.join("\n")).toContain("escrow deployed at");
    expect(code).toBe(0);
    const result = JSON.parse(out.join("\n")) as { events: { type: string; attributes: Record<string, string> }[] };
    expect(result.events.find((x) => x.type === "wasm-escrow_account_created")?.attributes).toMatchObject({
      id: "cli/1",
      amount: "700000uakt",
    });
    expect(
      await run(
        ["create", "cli/2", "--amount", "1uakt", "--chain", "embedded"],
        {},
        () => undefined,
        (l) => err.push(l),
      ),
    ).toBe(1);
    expect(err.at(-1)).toContain("opening deposit must be at least 500000uakt");
  });

  it("--cw20 pays through the token's send: integer amounts, sent to the token contract", async () => {
    const err: string[] = [];
    const token = "akash190vqdjtlpcq27xslcveglfmr4ynfwg7gdq4sff"; // a valid address with no contract on a fresh chain
    const args = ["create", "cli/3", "--cw20", token, "--chain", "embedded"];
    expect(
      await run(
        [...args, "--amount", "7uakt"],
        {},
        () => undefined,
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join("\n")).toContain("--amount 7uakt: with --cw20, expected an integer amount");
    // The tx goes to the token (here: no contract there), not to the escrow.
    expect(
      await run(
        [...args, "--amount", "700000"],
        {},
        () => undefined,
        (l) => err.push(l),
      ),
    ).toBe(1);
    expect(err.at(-1)).toContain(`address ${token}: no such contract`);
  });
});
