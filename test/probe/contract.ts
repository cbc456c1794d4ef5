// Wasm entry points of the probe contract; handlers live in execute.ts and query.ts.

import { executeEntry, instantiateEntry, migrateEntry, queryEntry, replyEntry, sudoEntry } from "../../contracts/std";
export { allocate, deallocate, interface_version_8 } from "../../contracts/std";
import {
  execute as doExecute,
  instantiate as doInstantiate,
  migrate as doMigrate,
  reply as doReply,
  sudo as doSudo,
} from "./execute";
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

export function sudo(env: u32, msg: u32): u32 {
  return sudoEntry(env, msg, doSudo);
}

export function reply(env: u32, msg: u32): u32 {
  return replyEntry(env, msg, doReply);
}
