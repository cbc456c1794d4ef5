// Relayer configuration: a JSON file and/or flags (flags win), the Hermes API key from the environment.
import { readFile } from "node:fs/promises";
import { normalizeHex } from "../pyth/wire.js";
import { DEFAULT_HERMES_ENDPOINT } from "./relayer.js";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Keys of the JSON config file (all optional). */
export interface RelayerFileConfig {
  contract?: string;
  feeds?: string[];
  /** "embedded" | "local" | RPC URL */
  chain?: string;
  hermes?: string;
  /** The key itself (prefer api_key_env: files get copied around). */
  api_key?: string;
  /** Environment variable holding the key; default PYTH_API_KEY. */
  api_key_env?: string;
  mnemonic_env?: string;
  /** Seconds between cycles. */
  interval?: number;
  /** Backoff cap in seconds. */
  max_backoff?: number;
  /** Signer-set files, for --chain embedded (which deploys its own oracle). */
  signer_sets?: string[];
  prefix?: string;
  gas_price?: string;
}

export interface ResolvedRelayerConfig {
  contract: string | undefined;
  feeds: string[];
  chain: string;
  hermes: string;
  apiKey: string | undefined;
  mnemonicEnv: string | undefined;
  intervalSeconds: number;
  maxBackoffSeconds: number;
  signerSets: string[];
  prefix: string;
  gasPrice: string | undefined;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

export async function readConfigFile(path: string): Promise<RelayerFileConfig> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new ConfigError(`cannot read config ${path}: ${(e as Error).message}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ConfigError(`${path}: expected a JSON object`);
  }
  const o = json as Record<string, unknown>;
  const known = new Set([
    "contract",
    "feeds",
    "chain",
    "hermes",
    "api_key",
    "api_key_env",
    "mnemonic_env",
    "interval",
    "max_backoff",
    "signer_sets",
    "prefix",
    "gas_price",
  ]);
  for (const k of Object.keys(o)) if (!known.has(k)) throw new ConfigError(`${path}: unknown key "${k}"`);
  for (const k of ["contract", "chain", "hermes", "api_key", "api_key_env", "mnemonic_env", "prefix", "gas_price"]) {
    if (o[k] !== undefined && typeof o[k] !== "string") throw new ConfigError(`${path}: "${k}" must be a string`);
  }
  for (const k of ["feeds", "signer_sets"]) {
    if (o[k] !== undefined && !isStringArray(o[k]))
      throw new ConfigError(`${path}: "${k}" must be an array of strings`);
  }
  for (const k of ["interval", "max_backoff"]) {
    if (o[k] !== undefined && (typeof o[k] !== "number" || !(o[k] > 0))) {
      throw new ConfigError(`${path}: "${k}" must be a positive number of seconds`);
    }
  }
  return o;
}

export interface RelayerFlags {
  contract?: string;
  feeds?: string[];
  chain?: string;
  hermes?: string;
  apiKeyEnv?: string;
  mnemonicEnv?: string;
  interval?: number;
  maxBackoff?: number;
  signerSets?: string[];
  prefix?: string;
  gasPrice?: string;
}

export function resolveConfig(
  flags: RelayerFlags,
  file: RelayerFileConfig = {},
  env: NodeJS.ProcessEnv = process.env,
): ResolvedRelayerConfig {
  const feeds = flags.feeds !== undefined && flags.feeds.length > 0 ? flags.feeds : (file.feeds ?? []);
  if (feeds.length === 0) throw new ConfigError("at least one --feed is required");
  const normalized = feeds.map((f) => {
    try {
      return normalizeHex(f, 32);
    } catch {
      throw new ConfigError(`invalid feed id ${f}: expected 64 hex digits`);
    }
  });
  const keyEnv = flags.apiKeyEnv ?? file.api_key_env ?? "PYTH_API_KEY";
  const envKey = env[keyEnv];
  const apiKey = envKey !== undefined && envKey !== "" ? envKey : file.api_key;
  const chain = flags.chain ?? file.chain ?? "local";
  const contract = flags.contract ?? file.contract;
  if (contract === undefined && chain !== "embedded") throw new ConfigError("--contract is required");
  return {
    contract,
    feeds: normalized,
    chain,
    hermes: flags.hermes ?? file.hermes ?? DEFAULT_HERMES_ENDPOINT,
    apiKey,
    mnemonicEnv: flags.mnemonicEnv ?? file.mnemonic_env,
    intervalSeconds: flags.interval ?? file.interval ?? 10,
    maxBackoffSeconds: flags.maxBackoff ?? file.max_backoff ?? 60,
    signerSets:
      flags.signerSets !== undefined && flags.signerSets.length > 0 ? flags.signerSets : (file.signer_sets ?? []),
    prefix: flags.prefix ?? file.prefix ?? "akash",
    gasPrice: flags.gasPrice ?? file.gas_price,
  };
}
