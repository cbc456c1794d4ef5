// Wasm entry points of the incentives contract: std's entries around the generated dispatch (gen/dispatch.ts).

import { executeEntry, instantiateEntry, migrateEntry, queryEntry } from "../std";
// requires_cosmwasm_2_0: the community-pool treasury sends `CosmosMsg::Any` (docs/incentives.md#treasury).
export { allocate, deallocate, interface_version_8, requires_cosmwasm_2_0 } from "../std";
import { dispatchExecute, dispatchInstantiate, dispatchMigrate, dispatchQuery } from "./gen/dispatch";

export function instantiate(env: u32, info: u32, msg: u32): u32 {
  return instantiateEntry(env, info, msg, dispatchInstantiate);
}

export function execute(env: u32, info: u32, msg: u32): u32 {
  return executeEntry(env, info, msg, dispatchExecute);
}

export function query(env: u32, msg: u32): u32 {
  return queryEntry(env, msg, dispatchQuery);
}

export function migrate(env: u32, msg: u32, migrateInfo: u32): u32 {
  return migrateEntry(env, msg, migrateInfo, dispatchMigrate);
}
