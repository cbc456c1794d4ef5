import { env_abort } from "./imports";
import { regionFromString } from "./region";
import { intStr } from "./strings";

// Replaces AS's 4-argument `env.abort` (a signature the VM rejects at link time). Built with
// `--use abort=contracts/std/abort/cwAbort`; `throw new Error(m)` and failed `assert`s end up here too.
export function cwAbort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  let m = message !== null ? message : "(no message)";
  if (fileName !== null) m += " at " + fileName + ":" + intStr(line) + ":" + intStr(column);
  env_abort(regionFromString(m));
  unreachable();
}

/** Broken invariant: the VM fails the call with "Aborted: <msg>" and the chain rolls the transaction back. */
export function panic(msg: string): void {
  env_abort(regionFromString(msg));
  unreachable();
}
