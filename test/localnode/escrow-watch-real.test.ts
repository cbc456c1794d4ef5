/**
 * The escrow CLI and the alert watcher against a real wasmd localnet: escrow deployed through x/gov, the account,
 * payment and settlement driven by `akash-econ escrow … --chain <rpc> --mnemonic-env`, a `wasm-escrow_alert` emitted in
 * a real block, then followed over CometBFT RPC by `AlertWatcher` + `CometEventSource` (webhook to a local HTTP server)
 * and by `akash-econ escrow watch` (stdout and webhook). Unrelated traffic in the same blocks — other escrow events, an
 * alert of a second escrow contract, a failed tx — must not be reported.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/commands/escrow.js";
import { CometEventSource } from "../../scripts/escrow/comet-source.js";
import { AlertWatcher, webhookSink, type EscrowAlert } from "../../scripts/escrow/watch.js";
import { NodeGovernance } from "../../scripts/localnode/governance.js";
import type { TestAccount } from "../../scripts/localnode/accounts.js";
import { realChainAvailable, realChainTitle, withLocalnode } from "../helpers/backends.js";
import { escrowWasm } from "../helpers/escrow-fixture.js";

interface CliResult {
  code: number;
  out: string;
  err: string;
}

interface TxSummary {
  tx: string;
  height: number;
  events: { type: string; attributes: Record<string, string> }[];
}

const OPENING = 500_000; // the default min_deposit
const RATE = 100; // uakt per block: 5000 blocks of funds
const THRESHOLD = 4990; // blocks_left drops below this 11 blocks after the payment opens

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = "";
    req.on("data", (c: Buffer) => (s += c.toString()));
    req.on("end", () => {
      resolve(s);
    });
  });
}

describe.skipIf(!(await realChainAvailable()))(
  await realChainTitle("escrow CLI and alert watcher"),
  { timeout: 300_000 },
  () => {
    const fx = withLocalnode();
    let server: Server;
    let hook: string;
    const posted: { method: string | undefined; type: string | undefined; body: unknown }[] = [];

    let alice: TestAccount;
    let bob: TestAccount;
    let carol: TestAccount;
    let env: NodeJS.ProcessEnv;
    let contract: string;
    let other: string;
    let fromHeight: number;
    let payHeight: number;
    let settle: TxSummary;
    let otherAlertHeight: number;
    let expected: EscrowAlert;

    const cli = async (args: string[]): Promise<CliResult> => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await run(
        args,
        env,
        (l) => out.push(l),
        (l) => err.push(l),
      );
      return { code, out: out.join("\n"), err: err.join("\n") };
    };
    /** A signed CLI command on the localnet as `who`. */
    const tx = async (who: string, args: string[], on = contract): Promise<TxSummary> => {
      const r = await cli([...args, "--chain", fx.node.rpc, "--contract", on, "--mnemonic-env", who.toUpperCase()]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      return JSON.parse(r.out) as TxSummary;
    };
    const waitForHeight = async (h: number): Promise<void> => {
      while ((await fx.client.getHeight()) < h) await new Promise((r) => setTimeout(r, 200));
    };

    beforeAll(async () => {
      server = createServer((req, res) => {
        void body(req).then((s) => {
          posted.push({ method: req.method, type: req.headers["content-type"], body: JSON.parse(s) as unknown });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

      const [, a, b, c] = fx.node.accounts;
      alice = a!;
      bob = b!;
      carol = c!;
      env = { ALICE: alice.mnemonic, BOB: bob.mnemonic, CAROL: carol.mnemonic };

      const gov = new NodeGovernance(fx.client, { proposer: fx.node.accounts[0]!.address, prefix: fx.node.prefix });
      const { codeId } = await gov.storeCode(escrowWasm());
      contract = (await gov.instantiate(codeId, { admin: gov.govAddress }, "escrow-watch", {})).address;
      other = (await gov.instantiate(codeId, { admin: gov.govAddress }, "escrow-other", {})).address;
      fromHeight = (await fx.client.getHeight()) + 1;

      // alice/1: 500000uakt, an alert at blocks_left < 4990 (armed: nothing burns yet), a payment of 100uakt/block.
      await tx("alice", ["create", "alice/1", "--amount", `${OPENING}uakt`]);
      await fx.client.execute(
        alice.address,
        contract,
        { set_alert: { id: "alice/1", denom: "uakt", below: { blocks_left: THRESHOLD } } },
        "auto",
      );
      // bob/1 on the same contract: an alert that never fires (no payment burns its funds).
      await tx("bob", ["create", "bob/1", "--amount", `${OPENING}uakt`]);
      await fx.client.execute(
        bob.address,
        contract,
        { set_alert: { id: "bob/1", denom: "uakt", below: { blocks_left: 10 } } },
        "auto",
      );
      const pay = await tx("alice", [
        "pay",
        "alice/1",
        "lease-1",
        "--provider",
        carol.address,
        "--rate",
        `${RATE}uakt`,
      ]);
      payHeight = pay.height;
      expect(pay.events.find((e) => e.type === "wasm-escrow_alert")).toBeUndefined();

      // Unrelated traffic while the funds burn down: an alert of the other contract (an amount alert set while
      // already below fires at once), and a failed tx (fixed fee, so it is not simulated away) landing in a block.
      await tx("carol", ["create", "carol/1", "--amount", `${OPENING}uakt`], other);
      const otherAlert = await fx.client.execute(
        carol.address,
        other,
        { set_alert: { id: "carol/1", denom: "uakt", below: { amount: "600000" } } },
        "auto",
      );
      otherAlertHeight = otherAlert.height;
      expect(otherAlert.events.some((e) => e.type === "wasm-escrow_alert")).toBe(true);
      await expect(
        fx.client.execute(
          bob.address,
          contract,
          { settle: { id: "nope" } },
          { amount: [{ denom: "uakt", amount: "20000" }], gas: "400000" },
        ),
      ).rejects.toThrow(/at height \d+/); // CosmJS: a tx that failed in a block

      await waitForHeight(payHeight + (OPENING / RATE - THRESHOLD) + 1); // the settle lands in a later block
      settle = await tx("bob", ["settle", "alice/1"]);
      const blocks = settle.height - payHeight;
      expected = {
        contract,
        height: settle.height,
        txHash: settle.tx,
        id: "alice/1",
        registrant: alice.address,
        denom: "uakt",
        kind: "blocks_left",
        threshold: String(THRESHOLD),
        balance: String(OPENING - RATE * blocks),
        blocksLeft: String(OPENING / RATE - blocks),
      };
      await waitForHeight(settle.height + 2); // some blocks after the alert, for the watchers to read
    }, 600_000);

    afterAll(async () => {
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    });

    it("settle emits the wasm-escrow_alert in a real block", () => {
      const alerts = settle.events.filter((e) => e.type === "wasm-escrow_alert");
      expect(alerts).toEqual([
        {
          type: "wasm-escrow_alert",
          attributes: {
            id: "alice/1",
            registrant: alice.address,
            denom: "uakt",
            kind: "blocks_left",
            threshold: String(THRESHOLD),
            balance: expected.balance,
            blocks_left: expected.blocksLeft,
            height: String(settle.height),
          },
        },
      ]);
      expect(Number(expected.blocksLeft)).toBeLessThan(THRESHOLD);
      expect(settle.tx).toMatch(/^[0-9A-F]{64}$/);
    });

    it("AlertWatcher over CometEventSource POSTs exactly that alert, once", async () => {
      const source = await CometEventSource.connect(fx.node.rpc);
      try {
        const watcher = new AlertWatcher(source, contract, webhookSink(hook), { fromHeight, maxBlocksPerPoll: 20 });
        const delivered: EscrowAlert[] = [];
        while ((watcher.next ?? 0) <= settle.height + 2) delivered.push(...(await watcher.poll()));
        expect(delivered).toEqual([expected]);
        expect(posted.splice(0)).toEqual([{ method: "POST", type: "application/json", body: expected }]);
        // Nothing new: a further poll delivers nothing.
        expect(await watcher.poll()).toEqual([]);
        expect(posted).toEqual([]);
      } finally {
        source.close();
      }
    });

    it("`escrow watch --once` prints the alert, POSTs it with --webhook, and keeps contracts apart", async () => {
      const base = ["watch", "--rpc", fx.node.rpc, "--from-height", String(fromHeight), "--once"];
      const printed = await cli([...base, "--contract", contract]);
      expect(printed.code).toBe(0);
      expect(printed.out.split("\n").map((l) => JSON.parse(l) as unknown)).toEqual([expected]);
      expect(printed.err).toMatch(/^delivered 1 alert\(s\); next height \d+$/);

      // From genesis: more blocks than one poll reads (100); --once still reads up to the latest block.
      await waitForHeight(120);
      const all = await cli(["watch", "--rpc", fx.node.rpc, "--from-height", "1", "--once", "--contract", contract]);
      expect(all.code).toBe(0);
      expect(all.out.split("\n").map((l) => JSON.parse(l) as unknown)).toEqual([expected]);
      const next = Number(/next height (\d+)$/.exec(all.err)?.[1]);
      expect(next).toBeGreaterThan(Math.max(settle.height + 2, 120));

      const hooked = await cli([...base, "--contract", contract, "--webhook", hook]);
      expect(hooked).toMatchObject({ code: 0, out: "" });
      expect(posted.splice(0)).toEqual([{ method: "POST", type: "application/json", body: expected }]);

      const others = await cli([...base, "--contract", other]);
      expect(others.code).toBe(0);
      expect(others.out.split("\n").map((l) => JSON.parse(l) as unknown)).toEqual([
        expect.objectContaining({
          contract: other,
          height: otherAlertHeight,
          id: "carol/1",
          registrant: carol.address,
          kind: "amount",
          threshold: "600000",
          balance: String(OPENING),
          blocksLeft: "none",
        }),
      ]);
    });

    it("`escrow show` and `escrow health` query the localnet over --chain <rpc>", async () => {
      // Queries need no sender key, also on an RPC URL.
      const query = async (args: string[]): Promise<unknown> => {
        const r = await cli([...args, "--chain", fx.node.rpc, "--contract", contract]);
        expect(r.err).toBe("");
        expect(r.code).toBe(0);
        return JSON.parse(r.out);
      };
      const show = (await query(["show", "alice/1"])) as {
        account: { id: string; owner: string; state: string; payment_ids: string[]; alert_count: number };
        deposits: { depositor: string; source: string }[];
        payments: { payment_id: string; provider: string; rate: string; state: string }[];
      };
      expect(show.account).toMatchObject({
        id: "alice/1",
        owner: alice.address,
        state: "open",
        payment_ids: ["lease-1"],
        alert_count: 1,
      });
      expect(show.deposits).toEqual([expect.objectContaining({ depositor: alice.address, source: "balance" })]);
      expect(show.payments).toEqual([
        expect.objectContaining({ payment_id: "lease-1", provider: carol.address, rate: String(RATE), state: "open" }),
      ]);

      const health = (await query(["health", "alice/1"])) as {
        id: string;
        state: string;
        height: number;
        denoms: { denom: string; balance: string; burn_rate: string; blocks_left: number }[];
      };
      const blocks = health.height - payHeight;
      expect(blocks).toBeGreaterThan(settle.height - payHeight);
      expect(health).toMatchObject({ id: "alice/1", state: "open" });
      expect(health.denoms).toEqual([
        expect.objectContaining({
          denom: "uakt",
          balance: String(OPENING - RATE * blocks),
          burn_rate: String(RATE),
          blocks_left: OPENING / RATE - blocks,
        }),
      ]);

      const missing = await cli(["show", "nope", "--chain", fx.node.rpc, "--contract", contract]);
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/^akash-econ escrow: .*account `nope` not found/);

      // A transaction on an RPC URL without a key is a usage error.
      const unsigned = await cli(["settle", "alice/1", "--chain", fx.node.rpc, "--contract", contract]);
      expect(unsigned.code).toBe(2);
      expect(unsigned.err).toContain("no sender: give --mnemonic-env");
    });
  },
);
