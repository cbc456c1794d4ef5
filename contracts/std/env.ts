// The CosmWasm VM's `env` imports with their exact wasm signatures (docs/abi.md#imports). AS names the import module
// after the declaring file, so this file must stay `env.ts`; that avoids `@external` decorators, which prettier
// cannot parse. A wrong signature passes upload but fails when wasmer links the instance. AS only emits the imports
// that are actually called, so declaring the whole list costs nothing. Use them through imports.ts.

export declare function abort(msg: u32): void;
export declare function debug(msg: u32): void;
/** 0 = absent; else a region the host allocated with our `allocate`. */
export declare function db_read(key: u32): u32;
export declare function db_write(key: u32, value: u32): void;
export declare function db_remove(key: u32): void;
/** order 1 = ascending, 2 = descending; 0 pointers = unbounded; returns an iterator id. */
export declare function db_scan(start: u32, end: u32, order: i32): u32;
export declare function db_next(iterator: u32): u32;
export declare function db_next_key(iterator: u32): u32;
export declare function db_next_value(iterator: u32): u32;
export declare function addr_validate(human: u32): u32;
export declare function addr_canonicalize(human: u32, dest: u32): u32;
export declare function addr_humanize(canonical: u32, dest: u32): u32;
export declare function secp256k1_verify(hash: u32, sig: u32, pubkey: u32): u32;
/** Low 32 bits: pubkey region pointer; high 32 bits: error code (0 = success). */
export declare function secp256k1_recover_pubkey(hash: u32, sig: u32, param: u32): u64;
export declare function ed25519_verify(msg: u32, sig: u32, pubkey: u32): u32;
export declare function query_chain(request: u32): u32;
