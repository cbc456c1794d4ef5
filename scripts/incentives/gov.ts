/** Runs contract messages as the x/gov module: one proposal on wasmd, direct executes on the embedded chain. */
import { toUtf8 } from "@cosmjs/encoding";
import { MsgExecuteContract } from "cosmjs-types/cosmwasm/wasm/v1/tx";
import type { ChainBackend } from "../../sim/interface/backend.js";
import type { JsonObject } from "../../sim/interface/client.js";

interface ProposalRunner {
  passProposal(m: { typeUrl: string; value: Uint8Array }[], t: { title: string; summary: string }): Promise<number>;
}

export async function govExecute(backend: ChainBackend, contract: string, msgs: JsonObject[]): Promise<void> {
  const gov = backend.governance.govAddress;
  const runner = backend.governance as unknown as Partial<ProposalRunner>;
  if (backend.name === "wasmd" && typeof runner.passProposal === "function") {
    const messages = msgs.map((msg) => ({
      typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract",
      value: MsgExecuteContract.encode(
        MsgExecuteContract.fromPartial({ sender: gov, contract, msg: toUtf8(JSON.stringify(msg)), funds: [] }),
      ).finish(),
    }));
    await runner.passProposal.call(backend.governance, messages, {
      title: "Incentives program",
      summary: `Execute ${msgs.map((m) => Object.keys(m)[0]).join(", ")} on ${contract}`,
    });
    return;
  }
  for (const msg of msgs) await backend.client.execute(gov, contract, msg, "auto");
}
