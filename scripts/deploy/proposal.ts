/**
 * Proposal files for a chain CLI (`akash tx gov submit-proposal <file>`, x/gov v1 format), for networks where the
 * deployer does not hold the votes: the file is reviewed and submitted by people, not by this tool.
 */
import { writeFileSync } from "node:fs";
import { toBase64 } from "@cosmjs/encoding";
import { wasmChecksum } from "../../sim/interface/governance.js";
import { TYPE_STORE_CODE } from "../localnode/governance.js";

export interface EmittedStoreCode {
  "@type": typeof TYPE_STORE_CODE;
  sender: string;
  /** Base64 of the uncompressed wasm, so that sha256(base64-decoded) is the checksum in the summary. */
  wasm_byte_code: string;
  instantiate_permission: null;
}

export interface EmittedProposal {
  messages: EmittedStoreCode[];
  metadata: string;
  deposit: string;
  title: string;
  summary: string;
  expedited: boolean;
}

export interface EmitOptions {
  /** Gov module address of the target chain (the signer of every proposal message). */
  govAddress: string;
  /** e.g. "50000000uakt"; must cover the target chain's min_deposit. */
  deposit: string;
  title?: string;
  expedited?: boolean;
}

export function storeCodeProposal(
  contracts: readonly { name: string; wasm: Uint8Array }[],
  opts: EmitOptions,
): EmittedProposal {
  if (contracts.length === 0) throw new Error("no contracts to put in the proposal");
  const lines = contracts.map((c) => `${c.name}: sha256 checksum ${wasmChecksum(c.wasm)} (${c.wasm.length} bytes)`);
  return {
    messages: contracts.map((c) => ({
      "@type": TYPE_STORE_CODE,
      sender: opts.govAddress,
      wasm_byte_code: toBase64(c.wasm),
      instantiate_permission: null,
    })),
    metadata: "",
    deposit: opts.deposit,
    title: opts.title ?? `Store akash-econ contract code: ${contracts.map((c) => c.name).join(", ")}`,
    summary:
      `Store the wasm code of the akash-econ contracts ${contracts.map((c) => c.name).join(", ")}.\n` +
      `${lines.join("\n")}\n` +
      "Verify: each checksum must equal the line for <name>.wasm in artifacts/checksums.txt of the reviewed " +
      "release, and the sha256 of the base64-decoded wasm_byte_code.",
    expedited: opts.expedited ?? false,
  };
}

export function writeProposal(file: string, proposal: EmittedProposal): void {
  writeFileSync(file, `${JSON.stringify(proposal, null, 2)}\n`);
}
