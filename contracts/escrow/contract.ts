// Wasm entry points of the escrow contract; the logic lives in the modules they call.

import { executeEntry, instantiateEntry, migrateEntry, queryEntry } from "../std";
export { allocate, deallocate, interface_version_8 } from "../std";
import { instantiate as doInstantiate, migrate as doMigrate } from "./config";
import { execute as doExecute } from "./execute";
import { query as doQuery } from "./query";

export function instantiate(env: u32, info: u32, msg: u32): u32 {
  return instantiateEntry(env, info, msg, doInstantiate);
}

export function execute(env: u32, info: u32, msg: u32): u32 {
  return executeEntry(env, info, msg, doExecute);
}

export function query(env: u32, msg: u32): u32 {
  return queryEntry(env, msg, doQuery);
}

export function migrate(env: u32, msg: u32, migrateInfo: u32): u32 {
  return migrateEntry(env, msg, migrateInfo, doMigrate);
}
