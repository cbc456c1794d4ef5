// Every smart-query answer from an oracle, escrow or bme contract in the test suites is checked against the committed
// response schema (schema/<name>/<name>.json `responses[<query variant>]`), so the schemas and the generated clients'
// types cannot silently drift from what the contracts return. test/setup.ts installs the check on both backends.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CHECKED_CONTRACTS = ["oracle", "escrow", "bme"] as const;
export type CheckedContract = (typeof CHECKED_CONTRACTS)[number];

/** cosmwasm-schema's integer formats: the Rust type's range. */
const INTEGER_FORMATS: Record<string, [bigint, bigint]> = {
  uint8: [0n, 2n ** 8n - 1n],
  uint16: [0n, 2n ** 16n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const [name, [min, max]] of Object.entries(INTEGER_FORMATS)) {
    ajv.addFormat(name, {
      type: "number",
      validate: (n: number) => Number.isInteger(n) && BigInt(n) >= min && BigInt(n) <= max,
    });
  }
  return ajv;
}

interface ContractSchema {
  responses: Record<string, Record<string, unknown>>;
}

const validators = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

function validatorFor(contract: CheckedContract, variant: string): ValidateFunction | undefined {
  const key = `${contract} ${variant}`;
  const cached = validators.get(key);
  if (cached !== undefined) return cached;
  const file = path.join(ROOT, "schema", contract, `${contract}.json`);
  const schema = (JSON.parse(readFileSync(file, "utf8")) as ContractSchema).responses[variant];
  if (schema === undefined) return undefined;
  ajv ??= newAjv();
  const validate = ajv.compile(schema);
  validators.set(key, validate);
  return validate;
}

/** The single top-level key of a query message, as serde's externally tagged enums require. */
function variantOf(query: unknown): string | undefined {
  if (query === null || typeof query !== "object" || Array.isArray(query)) return undefined;
  const keys = Object.keys(query);
  return keys.length === 1 ? keys[0] : undefined;
}

/**
 * Null when `response` matches the schema of `query`'s variant; otherwise a readable description of the mismatch.
 * A query without a response schema is itself a mismatch: every successful query must be covered.
 */
export function responseMismatch(contract: CheckedContract, query: unknown, response: unknown): string | null {
  const variant = variantOf(query);
  const where = `${contract} query ${JSON.stringify(query)}`;
  if (variant === undefined) return `${where}: not a single-variant query message`;
  const validate = validatorFor(contract, variant);
  if (validate === undefined)
    return `${where}: schema/${contract}/${contract}.json has no response schema "${variant}"`;
  if (validate(response)) return null;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`);
  const shown = JSON.stringify(response);
  return (
    `${where}: response does not match schema/${contract}/${contract}.json responses.${variant}: ` +
    `${problems.join("; ")}; response: ${shown.length > 500 ? `${shown.slice(0, 500)}…` : shown}`
  );
}

/** sha256 (hex) of each built contract, to recognise its instances by code checksum. */
function artifactChecksums(): Map<string, CheckedContract> {
  const out = new Map<string, CheckedContract>();
  for (const name of CHECKED_CONTRACTS) {
    const file = path.join(ROOT, "artifacts", `${name}.wasm`);
    if (existsSync(file)) out.set(createHash("sha256").update(readFileSync(file)).digest("hex"), name);
  }
  return out;
}

/** What the wrapper needs from a backend: CosmJS's query and code look-ups. */
interface QueryBackend {
  queryContractSmart: (this: QueryBackend, address: string, query: Record<string, unknown>) => Promise<unknown>;
  getContract(address: string): Promise<{ codeId: number }>;
  getCodes(): Promise<readonly { id: number; checksum: string }[]>;
}

export interface ResponseCheckLog {
  /** Responses checked so far (proof that the hook is active). */
  checked: number;
  /** Mismatches not yet reported by the test that produced them. */
  mismatches: string[];
}

export const responseCheckLog: ResponseCheckLog = { checked: 0, mismatches: [] };

/**
 * Wraps `proto.queryContractSmart` so that each successful answer from an oracle or escrow instance (recognised by
 * its code checksum) is validated. A mismatch is thrown from the query and also logged, so that a test catching query
 * errors still fails (test/setup.ts checks the log after each test).
 */
export function checkResponsesOf(proto: QueryBackend): void {
  const original = proto.queryContractSmart;
  const checksums = artifactChecksums();
  // Code ids are per chain, so their names are cached per backend instance.
  const codeNames = new WeakMap<object, Map<number, CheckedContract | null>>();
  async function contractAt(backend: QueryBackend, address: string): Promise<CheckedContract | null> {
    const { codeId } = await backend.getContract(address);
    let names = codeNames.get(backend);
    if (names === undefined) codeNames.set(backend, (names = new Map<number, CheckedContract | null>()));
    if (!names.has(codeId)) {
      const code = (await backend.getCodes()).find((c) => c.id === codeId);
      names.set(codeId, code === undefined ? null : (checksums.get(code.checksum.toLowerCase()) ?? null));
    }
    return names.get(codeId) ?? null;
  }
  proto.queryContractSmart = async function (
    this: QueryBackend,
    address: string,
    query: Record<string, unknown>,
  ): Promise<unknown> {
    const response = await original.call(this, address, query);
    const contract = await contractAt(this, address);
    if (contract === null) return response;
    responseCheckLog.checked += 1;
    const mismatch = responseMismatch(contract, query, response);
    if (mismatch !== null) {
      responseCheckLog.mismatches.push(mismatch);
      throw new Error(mismatch);
    }
    return response;
  };
}
