/**
 * Idempotent deployment through governance: store each artifact unless its checksum is already on chain,
 * instantiate it once (re-runs keep the recorded address), and with `migrate` move existing contracts to new code.
 */
import { readFileSync } from "node:fs";
import { wasmChecksum, type Governance } from "../../sim/interface/governance.js";
import { linkContracts, type PlanEntry } from "./plan.js";
import type { JsonObject } from "../../sim/interface/client.js";
import {
  defaultDeploymentsDir,
  readRecord,
  writeRecord,
  type ContractRecord,
  type DeploymentRecord,
} from "./record.js";

export interface DeployOptions {
  /** Migrate contracts whose recorded code differs from the artifact (default false: report only). */
  migrate?: boolean;
  /** Where <chain-id>.json lives (default deployments/). */
  deploymentsDir?: string;
  log?: (line: string) => void;
}

export interface ContractAction {
  name: string;
  codeId: number;
  address: string;
  stored: boolean;
  instantiated: boolean;
  migrated: boolean;
  /** The artifact is newer than the deployed code and `migrate` was not requested. */
  migrationPending: boolean;
}

export interface DeployResult {
  chainId: string;
  recordFile: string;
  record: DeploymentRecord;
  actions: ContractAction[];
}

function withoutPending(r: ContractRecord): ContractRecord {
  const copy = { ...r };
  delete copy.pending;
  return copy;
}

export async function deploy(
  plan: readonly PlanEntry[],
  governance: Governance,
  opts: DeployOptions = {},
): Promise<DeployResult> {
  const log = opts.log ?? (() => undefined);
  const dir = opts.deploymentsDir ?? defaultDeploymentsDir();
  const record = readRecord(dir, governance.chainId);
  const actions: ContractAction[] = [];
  let recordFile = "";
  const save = async (): Promise<void> => {
    const time = await governance.chainTime();
    if (time !== undefined) record.updated_at = time;
    recordFile = writeRecord(dir, record);
  };

  for (const entry of plan) {
    const wasm = new Uint8Array(readFileSync(entry.wasmPath));
    const admin = entry.admin ?? governance.govAddress;
    const prev: ContractRecord | undefined = record.contracts[entry.name];
    const store = await governance.storeCode(wasm, {
      title: `Store akash-econ ${entry.name}`,
      summary: `Store the akash-econ ${entry.name} contract: ${entry.name}.wasm, ${wasm.length} bytes, sha256 checksum ${wasmChecksum(wasm)}.`,
    });
    log(
      store.skipped
        ? `${entry.name}: code ${store.codeId} already on chain (checksum ${store.checksum})`
        : `${entry.name}: stored as code ${store.codeId}${store.proposalId !== undefined ? ` (proposal ${store.proposalId})` : ""}`,
    );
    // The proposal that stored this checksum, possibly in an earlier run that left the migration pending.
    const storeProposal =
      store.proposalId ??
      (prev?.checksum === store.checksum
        ? prev.proposals.store
        : prev?.pending?.checksum === store.checksum
          ? prev.pending.store_proposal
          : undefined);
    const action: ContractAction = {
      name: entry.name,
      codeId: store.codeId,
      address: "",
      stored: !store.skipped,
      instantiated: false,
      migrated: false,
      migrationPending: false,
    };

    // A record from an earlier chain with the same id (e.g. a reset localnet) must not be trusted blindly.
    const live = prev !== undefined ? await governance.contract(prev.address) : undefined;
    if (prev !== undefined && live !== undefined && live.label === prev.label) {
      action.address = prev.address;
      if (live.codeId === store.codeId) {
        record.contracts[entry.name] = { ...withoutPending(prev), code_id: live.codeId, checksum: store.checksum };
        log(`${entry.name}: ${prev.address} already runs code ${live.codeId}`);
      } else if (opts.migrate) {
        const m = await governance.migrate(prev.address, store.codeId, entry.migrateMsg, {
          title: `Migrate akash-econ ${entry.name} to code ${store.codeId}`,
        });
        record.contracts[entry.name] = {
          ...withoutPending(prev),
          code_id: store.codeId,
          checksum: store.checksum,
          proposals: {
            ...(prev.proposals.instantiate !== undefined ? { instantiate: prev.proposals.instantiate } : {}),
            ...(storeProposal !== undefined ? { store: storeProposal } : {}),
            ...(m.proposalId !== undefined ? { migrate: m.proposalId } : {}),
          },
        };
        action.migrated = true;
        log(`${entry.name}: migrated ${prev.address} from code ${live.codeId} to ${store.codeId}`);
      } else {
        record.contracts[entry.name] = {
          ...prev,
          pending: {
            code_id: store.codeId,
            checksum: store.checksum,
            ...(storeProposal !== undefined ? { store_proposal: storeProposal } : {}),
          },
        };
        action.migrationPending = true;
        action.codeId = live.codeId;
        log(`${entry.name}: ${prev.address} runs code ${live.codeId}, artifact is code ${store.codeId}; use --migrate`);
      }
    } else {
      if (prev !== undefined) log(`${entry.name}: recorded ${prev.address} is not on this chain; instantiating anew`);
      const msg = linkContracts(entry.instantiateMsg, (name) => record.contracts[name]?.address) as JsonObject;
      const inst = await governance.instantiate(store.codeId, msg, entry.label, {
        admin,
        title: `Instantiate akash-econ ${entry.name}`,
      });
      record.contracts[entry.name] = {
        code_id: store.codeId,
        checksum: store.checksum,
        address: inst.address,
        admin,
        label: entry.label,
        proposals: {
          ...(storeProposal !== undefined ? { store: storeProposal } : {}),
          ...(inst.proposalId !== undefined ? { instantiate: inst.proposalId } : {}),
        },
      };
      action.address = inst.address;
      action.instantiated = true;
      log(`${entry.name}: instantiated at ${inst.address}`);
    }
    actions.push(action);
    // Saved after every contract: a failed proposal later on must not lose what already happened on chain.
    await save();
  }
  if (plan.length === 0) await save();
  return { chainId: governance.chainId, recordFile, record, actions };
}
