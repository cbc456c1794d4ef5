// The VM imports under `env_`-prefixed names, so they cannot be confused with AS builtins (`abort`) or the
// typed wrappers (storage.ts, api.ts, querier.ts). The declarations and their signatures are in env.ts.

export {
  abort as env_abort,
  debug as env_debug,
  db_read as env_db_read,
  db_write as env_db_write,
  db_remove as env_db_remove,
  db_scan as env_db_scan,
  db_next as env_db_next,
  db_next_key as env_db_next_key,
  db_next_value as env_db_next_value,
  addr_validate as env_addr_validate,
  addr_canonicalize as env_addr_canonicalize,
  addr_humanize as env_addr_humanize,
  secp256k1_verify as env_secp256k1_verify,
  secp256k1_recover_pubkey as env_secp256k1_recover_pubkey,
  ed25519_verify as env_ed25519_verify,
  query_chain as env_query_chain,
} from "./env";
