/** deployments/<chain-id>.json: what is deployed where, and through which proposals. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../lib/repo-root.js";

export interface ContractRecord {
  code_id: number;
  checksum: string;
  address: string;
  admin: string;
  label: string;
  /** Proposal ids on chains with x/gov; absent for steps that were skipped or ran without a proposal. */
  proposals: { store?: number; instantiate?: number; migrate?: number };
  /** Newer code already stored but not yet migrated to (deploy without --migrate). */
  pending?: { code_id: number; checksum: string; store_proposal?: number };
}

export interface DeploymentRecord {
  chain_id: string;
  /** Block time of the chain when the record was last written (never the wall clock). */
  updated_at?: string;
  contracts: Record<string, ContractRecord>;
}

export const defaultDeploymentsDir = (): string => join(repoRoot(), "deployments");

/** Chain ids become file names: keep them to a safe character set. */
export function recordPath(dir: string, chainId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(chainId)) throw new Error(`unsafe chain id for a file name: ${chainId}`);
  return join(dir, `${chainId}.json`);
}

export function readRecord(dir: string, chainId: string): DeploymentRecord {
  const file = recordPath(dir, chainId);
  if (!existsSync(file)) return { chain_id: chainId, contracts: {} };
  const rec = JSON.parse(readFileSync(file, "utf8")) as DeploymentRecord;
  if (rec.chain_id !== chainId) throw new Error(`${file} is for chain ${rec.chain_id}, not ${chainId}`);
  return { ...rec, contracts: rec.contracts };
}

/** Sorted contract names and a temp-file rename, so the file diffs cleanly and is never half-written. */
export function writeRecord(dir: string, rec: DeploymentRecord): string {
  mkdirSync(dir, { recursive: true });
  const file = recordPath(dir, rec.chain_id);
  const contracts = Object.fromEntries(Object.entries(rec.contracts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const body: DeploymentRecord = {
    chain_id: rec.chain_id,
    ...(rec.updated_at !== undefined ? { updated_at: rec.updated_at } : {}),
    contracts,
  };
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`);
  renameSync(tmp, file);
  return file;
}
