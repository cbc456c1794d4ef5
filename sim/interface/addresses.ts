// Module account addresses: the same on every backend, so deploy tools and the embedded chain share one derivation.

import { toBech32, toUtf8 } from "@cosmjs/encoding";
import { sha256 } from "@noble/hashes/sha2";

/** A module account (`authtypes.NewModuleAddress`): sha256(name)[0..20]. */
export function moduleAddress(prefix: string, name: string): string {
  return toBech32(prefix, sha256(toUtf8(name)).slice(0, 20));
}

/** The gov module account: the authority that signs what a passed proposal executes (akash10d07y265… on Akash). */
export function govAddress(prefix: string): string {
  return moduleAddress(prefix, "gov");
}
