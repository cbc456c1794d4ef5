import { it } from "vitest";
import { setupEscrow, uakt } from "./helpers/escrow-fixture.js";
it("mem", async () => {
  for (const [nd, np, na] of [[49,10,1],[49,10,3],[49,10,8],[20,10,20],[49,1,20],[10,10,20]] as const) {
    const e = await setupEscrow();
    await e.exec("owner", { create_account: { id: "big" } }, uakt(5_000_000));
    const ds = Array.from({ length: nd }, (_, i) => e.chain.addressFor(`depositor-${i}`));
    for (const d of ds) { e.chain.fund(d, uakt(1_000_000)); await e.exec(d, { deposit: { id: "big" } }, uakt(500_000)); }
    for (let i = 0; i < np; i++) await e.exec("owner", { create_payment: { id: "big", payment_id: `p${i}`, provider: e.addr.provider, denom: "uakt", rate: "1000.5" } });
    for (let i = 0; i < na; i++) { const who = i < 3 ? e.addr.owner : ds[i % nd]!; const below = [{ amount: "1" }, { blocks_left: 1 }, { percent_of_peak: "1" }][i % 3]!; try { await e.exec(who, { set_alert: { id: "big", denom: "uakt", below } }); } catch {} }
    for (const dh of [100, 100000]) {
      e.chain.advanceBlocks(dh);
      try { const r = await e.exec("stranger", { settle: { id: "big" } }); console.log(nd, np, na, dh, "ok", r.gasUsed); } catch (err) { console.log(nd, np, na, dh, "FAIL", (err as Error).message.slice(-90)); }
    }
  }
}, 120000);
