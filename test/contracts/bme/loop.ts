/**
 * The full loop through the chain interface, so it runs on the embedded chain (loop.test.ts) and on wasmd
 * (test/localnode/contracts.test.ts): governance deploys the oracle, bme and an escrow that lists bme's ACT; a relayer
 * pushes signed Pyth prices; a tenant mints ACT, funds an escrow account in ACT through the CW20 receive hook and
 * leases from a provider; the provider is paid in ACT and redeems it for AKT. Amounts are derived from the heights the
 * txs landed at (wasmd makes blocks on its own) and the formulas in docs/bme.md and docs/escrow.md.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ChainBackend } from "../../../sim/interface/index.js";
import { deployBme, uakt } from "../../helpers/bme.js";
import { escrowWasm } from "../../helpers/escrow-fixture.js";

const E18 = 10n ** 18n;

export function bmeLoopSuite(backend: () => ChainBackend | Promise<ChainBackend>, firstAccount = 16): void {
  let chain: ChainBackend;
  beforeAll(async () => {
    chain = await backend();
  }, 600_000);

  describe("bme ⇄ escrow: the ACT loop", { timeout: 600_000 }, () => {
    it("tenant mints ACT, funds an escrow in ACT, the provider is paid in ACT and redeems it for AKT", async () => {
      const s = await deployBme(chain, firstAccount, { params: { min_epoch_blocks: 1 }, vault: 200_000_000n });
      const [tenant, provider] = s.users as [string, string];
      const act = `cw20:${s.bme}`;
      const { codeId } = await chain.governance.storeCode(escrowWasm());
      const escrowMsg = {
        admin: chain.governance.govAddress,
        denoms: [{ denom: "uakt" }, { denom: act, min_deposit: "500000" }],
      };
      const escrow = (await chain.governance.instantiate(codeId, escrowMsg, `bme loop escrow ${s.bme.slice(-8)}`))
        .address;
      await s.exec(s.admin, { update_config: { allowed: [escrow] } });

      // 1. AKT → ACT at $1.25
      const price = 125_000_000n;
      await s.setPrice(price);
      await s.exec(tenant, { mint_act: {} }, uakt(400_000_000n));
      await s.crank();
      const minted = (400_000_000n * price * 10n ** 10n) / E18;
      const held = minted - (minted * 25n) / 10_000n;
      expect(await s.act(tenant)).toBe(held);

      // 2. ACT into the escrow through the receive hook; a wallet-to-wallet transfer stays refused
      expect(await s.fails(tenant, { transfer: { recipient: provider, amount: "1" } })).toContain(
        "ACT is not transferable",
      );
      const id = "tenant/1";
      const deposit = 300_000_000n;
      const hook = Buffer.from(JSON.stringify({ create_account: { id } })).toString("base64");
      await s.exec(tenant, { send: { contract: escrow, amount: deposit.toString(), msg: hook } });
      expect(await s.act(escrow)).toBe(deposit);
      expect(await s.act(tenant)).toBe(held - deposit);

      // 3. a lease paid in ACT; the provider withdraws by CW20 transfer
      const rate = 1_000_000n;
      const client = chain.client;
      const opened = await client.execute(
        tenant,
        escrow,
        { create_payment: { id, payment_id: "lease", provider, denom: act, rate: rate.toString() } },
        "auto",
      );
      await chain.advance(5);
      const withdrawn = await client.execute(provider, escrow, { withdraw: { id, payment_id: "lease" } }, "auto");
      const paid = rate * BigInt(withdrawn.height - opened.height);
      expect(paid).toBeGreaterThan(0n);
      expect(await s.act(provider)).toBe(paid);
      expect(await s.act(escrow)).toBe(deposit - paid);

      // 4. the provider redeems its ACT for AKT at $1.25
      await s.setPrice(price);
      await s.exec(provider, { redeem_act: { amount: paid.toString() } });
      const akt0 = await s.akt(provider);
      await s.crank();
      const back = (paid * E18) / (price * 10n ** 10n);
      expect(await s.akt(provider)).toBe(akt0 + back);
      expect(await s.act(provider)).toBe(0n);

      // 5. the books tell the story
      const v = await s.vault();
      expect(v).toMatchObject({
        remint_credits: (400_000_000n - back).toString(),
        vault_uakt: (200_000_000n + 400_000_000n - back).toString(),
        act_supply: (minted - paid).toString(),
        total_minted_uact: minted.toString(),
        total_burned_uact: paid.toString(),
        total_minted_uakt: "0",
      });
      const cr = ((200_000_000n + 400_000_000n - back) * price * 10_000n) / ((minted - paid) * 100_000_000n);
      expect(await s.status()).toMatchObject({ status: "healthy", collateral_ratio_bps: Number(cr) });
      // the tenant closes the account: the unspent ACT comes back by CW20 transfer
      const before = await s.act(tenant);
      const closed = await client.execute(tenant, escrow, { close_account: { id } }, "auto");
      const spent = rate * BigInt(closed.height - opened.height);
      expect(await s.act(tenant)).toBe(before + deposit - spent);
      expect(await s.act(escrow)).toBe(0n);
    });
  });
}
