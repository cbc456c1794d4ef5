// `query_chain`: wasmd's QueryHandler and default query plugins (x/wasm/keeper/query_plugins.go) answering with
// wasmvm's `SystemResult<ContractResult<Binary>>` (types/queries.go, systemerror.go).

import { fromBase64, toBase64 } from "@cosmjs/encoding";
import type { TxInfo } from "./contract-io.js";
import { toWire } from "./coins.js";
import { ChainError, Err, redact } from "./errors.js";
import type { GasMeter } from "./gas.js";
import { fromUtf8, isMap, parseJson, stringifyJson, utf8, type Json, type JsonMap } from "./json.js";
import type { World } from "./world.js";

/** The keeper as queries reach it (WasmKeeper), declared here so the keeper and its querier do not import each other. */
export interface QueryKeeper {
  readonly config: { readonly prefix: string };
  /** The address, or a ChainError naming `context` if it is not a valid address on this chain. */
  address(addr: string, context: string): string;
  querySmart(
    world: World,
    address: string,
    msg: Uint8Array,
    depth: number,
    tx: TxInfo | undefined,
    gas: GasMeter,
  ): Uint8Array;
}

const unsupported = (kind: string): ChainError =>
  new ChainError(kind, "wasmvm", 0, false, { unsupported_request: { kind } });

const jsonBytes = (v: unknown): Uint8Array => utf8(stringifyJson(v));

function address(keeper: QueryKeeper, v: Json | undefined): string {
  const a = typeof v === "string" ? v : "";
  keeper.address(a, "address");
  return a;
}

function route(
  keeper: QueryKeeper,
  world: World,
  req: JsonMap,
  depth: number,
  tx: TxInfo | undefined,
  gas: GasMeter,
): Uint8Array {
  const kind = Object.keys(req)[0] ?? "";
  const body = req[kind] ?? null;
  const variant = isMap(body) ? (Object.keys(body)[0] ?? "") : "";
  const b = isMap(body) && isMap(body[variant] ?? null) ? (body[variant] as JsonMap) : {};
  if (kind === "bank") {
    const invalid = (a: Json | undefined): ChainError => Err.invalidAddress.wrap(typeof a === "string" ? a : "");
    switch (variant) {
      case "balance": {
        let addr: string;
        try {
          addr = address(keeper, b.address);
        } catch {
          throw invalid(b.address);
        }
        const denom = typeof b.denom === "string" ? b.denom : "";
        return jsonBytes({ amount: { denom, amount: world.balance(addr, denom).toString() } });
      }
      case "all_balances": {
        let addr: string;
        try {
          addr = address(keeper, b.address);
        } catch {
          throw invalid(b.address);
        }
        return jsonBytes({ amount: toWire(world.allBalances(addr)) });
      }
      case "supply": {
        const denom = typeof b.denom === "string" ? b.denom : "";
        return jsonBytes({ amount: { denom, amount: (world.supply.get(denom) ?? 0n).toString() } });
      }
      case "denom_metadata":
        throw Err.notFound.wrap(typeof b.denom === "string" ? b.denom : "");
      default:
        throw unsupported("unknown BankQuery variant");
    }
  }
  if (kind === "wasm") {
    const contractAddr = typeof b.contract_addr === "string" ? b.contract_addr : "";
    const checked = (): string => {
      try {
        return address(keeper, contractAddr);
      } catch {
        throw Err.invalidAddress.wrap(contractAddr);
      }
    };
    switch (variant) {
      case "smart": {
        const addr = checked();
        const msg = typeof b.msg === "string" ? fromBase64(b.msg) : new Uint8Array();
        return keeper.querySmart(world, addr, msg, depth, tx, gas);
      }
      case "raw": {
        const addr = checked();
        const key = typeof b.key === "string" ? fromBase64(b.key) : new Uint8Array();
        return world.read(addr, key) ?? new Uint8Array();
      }
      case "contract_info": {
        const addr = checked();
        const info = world.contract(addr);
        if (info === undefined) {
          throw Err.noSuchContract.wrap(`address ${addr}`, { no_such_contract: { addr } });
        }
        return jsonBytes({
          code_id: info.codeId,
          creator: info.creator,
          admin: info.admin === "" ? undefined : info.admin,
          pinned: false,
          ibc_port: info.ibcPortId === "" ? undefined : info.ibcPortId,
          ibc2_port: `wasm2${addr.slice(keeper.config.prefix.length)}`,
        });
      }
      case "code_info": {
        const codeId = typeof b.code_id === "bigint" ? b.code_id : 0n;
        if (codeId === 0n) throw Err.empty.wrap("code id");
        const code = world.code(codeId);
        if (code === undefined) {
          throw Err.noSuchCode.wrap(`code id ${codeId}`, { no_such_code: { code_id: codeId } });
        }
        return jsonBytes({ code_id: codeId, creator: code.creator, checksum: code.checksum });
      }
      default:
        throw unsupported("unknown WasmQuery variant");
    }
  }
  if (kind === "custom") throw unsupported("custom");
  if (kind === "stargate") throw unsupported("Stargate queries are disabled on this chain");
  if (kind === "grpc") throw unsupported("gRPC queries are disabled on this chain");
  // staking, distribution and ibc have no module in the embedded chain.
  throw unsupported(`${kind} queries are not supported by the embedded chain`);
}

/** The JSON text of `SystemResult<ContractResult<Binary>>` for one `query_chain` request. */
export function handleQuery(
  keeper: QueryKeeper,
  world: World,
  request: Uint8Array,
  depth: number,
  tx: TxInfo | undefined,
  gas: GasMeter,
): string {
  let req: Json;
  try {
    req = parseJson(fromUtf8(request));
    if (!isMap(req) || Object.keys(req).length !== 1) throw new Error("expected a single-variant QueryRequest");
  } catch (e) {
    return stringifyJson({ error: { invalid_request: { error: (e as Error).message, request: toBase64(request) } } });
  }
  try {
    const bytes = route(keeper, world, req, depth, tx, gas);
    // wasmvm's QueryResult marshals an empty ok as "".
    return stringifyJson({ ok: { ok: toBase64(bytes) } });
  } catch (e) {
    if (!(e instanceof ChainError)) throw e;
    if (e.system !== undefined) return stringifyJson({ error: e.system });
    return stringifyJson({ ok: { error: redact(e) } });
  }
}
