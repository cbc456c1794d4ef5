// A tiny scriptable CosmWasm contract, written in WAT and assembled with binaryen (a dependency of assemblyscript),
// for the embedded chain's own tests while the AS probe contract does not exist yet.
//
// Every entry point runs a "program" taken from its message: the message must be exactly JSON.stringify({ p: program })
// (reply runs the program stored under key "R"). Commands, `;`-terminated where they take text:
//   W<key>=<value>~  db_write of a value that may contain ';' (e.g. the reply program under "R")
//   w<key>=<value>;  db_write            d<key>;  db_remove         r<key>;  append the stored value (if any)
//   o<text>;         append text, with ' written as "                 g        count a global, append its value
//   a<text>;         env.abort(text)     u        trap (unreachable)
//   q<request>;      query_chain, append the result JSON   (request with ' for ")
//   Q<key>|<request>; query_chain, store the result JSON under key
//   E<key>; I<key>; M<key>;  store the env / info / msg JSON of this call under key
//   G                try memory.grow(600 pages); append F if refused, S if granted
//   S<start>; s<start>;  db_scan from start (empty = unbounded) ascending / descending, append "key=value," per entry
// The appended output is returned as the call's result, so a program ends by writing a ContractResult.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const WAT = String.raw`
(module
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "db_remove" (func $db_remove (param i32)))
  (import "env" "query_chain" (func $query_chain (param i32) (result i32)))
  (import "env" "abort" (func $abort (param i32)))
  (import "env" "db_scan" (func $db_scan (param i32 i32 i32) (result i32)))
  (import "env" "db_next" (func $db_next (param i32) (result i32)))
  (memory (export "memory") 3)
  (global $heap (mut i32) (i32.const 0x20000))
  (global $outLen (mut i32) (i32.const 0))
  (global $counter (mut i32) (i32.const 0))
  (global $env (mut i32) (i32.const 0))
  (global $info (mut i32) (i32.const 0))
  (global $msg (mut i32) (i32.const 0))

  (func (export "interface_version_8"))

  (func $alloc_raw (param $n i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (global.set $heap (i32.and (i32.add (i32.add (local.get $p) (local.get $n)) (i32.const 7)) (i32.const -8)))
    (block $done
      (loop $grow
        (br_if $done (i32.le_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536))))
        (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
        (br $grow)))
    (local.get $p))

  (func $region (param $ptr i32) (param $len i32) (result i32)
    (local $r i32)
    (local.set $r (call $alloc_raw (i32.const 12)))
    (i32.store (local.get $r) (local.get $ptr))
    (i32.store offset=4 (local.get $r) (local.get $len))
    (i32.store offset=8 (local.get $r) (local.get $len))
    (local.get $r))

  (func $allocate (export "allocate") (param $size i32) (result i32)
    (local $r i32)
    (local.set $r (call $region (call $alloc_raw (local.get $size)) (local.get $size)))
    (i32.store offset=8 (local.get $r) (i32.const 0))
    (local.get $r))

  (func (export "deallocate") (param i32))

  ;; copy n bytes, turning ' into " when $tr is set
  (func $copy (param $dst i32) (param $src i32) (param $n i32) (param $tr i32)
    (local $i i32) (local $c i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load8_u (i32.add (local.get $src) (local.get $i))))
        (if (i32.and (local.get $tr) (i32.eq (local.get $c) (i32.const 39))) (then (local.set $c (i32.const 34))))
        (i32.store8 (i32.add (local.get $dst) (local.get $i)) (local.get $c))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  (func $append (param $src i32) (param $n i32) (param $tr i32)
    (call $copy (i32.add (i32.const 0x10000) (global.get $outLen)) (local.get $src) (local.get $n) (local.get $tr))
    (global.set $outLen (i32.add (global.get $outLen) (local.get $n))))

  (func $appendByte (param $c i32)
    (i32.store8 (i32.add (i32.const 0x10000) (global.get $outLen)) (local.get $c))
    (global.set $outLen (i32.add (global.get $outLen) (i32.const 1))))

  ;; position of byte c in [p, end), or end
  (func $find (param $p i32) (param $end i32) (param $c i32) (result i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (br_if $done (i32.eq (i32.load8_u (local.get $p)) (local.get $c)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $p))

  ;; big-endian u32 (the length suffix of a db_next section)
  (func $be32 (param $p i32) (result i32)
    (i32.or
      (i32.or (i32.shl (i32.load8_u (local.get $p)) (i32.const 24)) (i32.shl (i32.load8_u offset=1 (local.get $p)) (i32.const 16)))
      (i32.or (i32.shl (i32.load8_u offset=2 (local.get $p)) (i32.const 8)) (i32.load8_u offset=3 (local.get $p)))))

  ;; a translated copy of [p, q) as a region
  (func $translated (param $p i32) (param $q i32) (result i32)
    (local $buf i32)
    (local.set $buf (call $alloc_raw (i32.sub (local.get $q) (local.get $p))))
    (call $copy (local.get $buf) (local.get $p) (i32.sub (local.get $q) (local.get $p)) (i32.const 1))
    (call $region (local.get $buf) (i32.sub (local.get $q) (local.get $p))))

  (func $run (param $p i32) (param $end i32) (result i32)
    (local $c i32) (local $q i32) (local $e i32) (local $v i32) (local $it i32) (local $d i32) (local $kl i32) (local $vl i32)
    (block $finished
      (loop $next
        (br_if $finished (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $p)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (local.set $q (call $find (local.get $p) (local.get $end) (i32.const 59)))
        (block $handled
          (if (i32.eq (local.get $c) (i32.const 119)) (then ;; w
            (local.set $e (call $find (local.get $p) (local.get $q) (i32.const 61)))
            (call $db_write
              (call $region (local.get $p) (i32.sub (local.get $e) (local.get $p)))
              (call $region (i32.add (local.get $e) (i32.const 1)) (i32.sub (local.get $q) (i32.add (local.get $e) (i32.const 1)))))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 87)) (then ;; W
            (local.set $q (call $find (local.get $p) (local.get $end) (i32.const 126)))
            (local.set $e (call $find (local.get $p) (local.get $q) (i32.const 61)))
            (call $db_write
              (call $region (local.get $p) (i32.sub (local.get $e) (local.get $p)))
              (call $region (i32.add (local.get $e) (i32.const 1)) (i32.sub (local.get $q) (i32.add (local.get $e) (i32.const 1)))))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 100)) (then ;; d
            (call $db_remove (call $region (local.get $p) (i32.sub (local.get $q) (local.get $p))))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 114)) (then ;; r
            (local.set $v (call $db_read (call $region (local.get $p) (i32.sub (local.get $q) (local.get $p)))))
            (if (local.get $v) (then
              (call $append (i32.load (local.get $v)) (i32.load offset=8 (local.get $v)) (i32.const 0))))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 111)) (then ;; o
            (call $append (local.get $p) (i32.sub (local.get $q) (local.get $p)) (i32.const 1))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 103)) (then ;; g
            (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
            (call $appendByte (i32.add (i32.const 48) (global.get $counter)))
            (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 97)) (then ;; a
            (call $abort (call $region (local.get $p) (i32.sub (local.get $q) (local.get $p))))
            unreachable))
          (if (i32.eq (local.get $c) (i32.const 117)) (then unreachable)) ;; u
          (if (i32.eq (local.get $c) (i32.const 113)) (then ;; q
            (local.set $v (call $query_chain (call $translated (local.get $p) (local.get $q))))
            (call $append (i32.load (local.get $v)) (i32.load offset=8 (local.get $v)) (i32.const 0))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 81)) (then ;; Q
            (local.set $e (call $find (local.get $p) (local.get $q) (i32.const 124)))
            (local.set $v (call $query_chain (call $translated (i32.add (local.get $e) (i32.const 1)) (local.get $q))))
            (call $db_write (call $region (local.get $p) (i32.sub (local.get $e) (local.get $p))) (local.get $v))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 69)) (then ;; E
            (call $db_write (call $region (local.get $p) (i32.sub (local.get $q) (local.get $p))) (global.get $env))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 73)) (then ;; I
            (call $db_write (call $region (local.get $p) (i32.sub (local.get $q) (local.get $p))) (global.get $info))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 77)) (then ;; M
            (call $db_write (call $region (local.get $p) (i32.sub (local.get $q) (local.get $p))) (global.get $msg))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.or (i32.eq (local.get $c) (i32.const 83)) (i32.eq (local.get $c) (i32.const 115))) (then ;; S s
            (local.set $it (call $db_scan
              (if (result i32) (i32.eq (local.get $p) (local.get $q))
                (then (i32.const 0))
                (else (call $region (local.get $p) (i32.sub (local.get $q) (local.get $p)))))
              (i32.const 0)
              (if (result i32) (i32.eq (local.get $c) (i32.const 83)) (then (i32.const 1)) (else (i32.const 2)))))
            (block $scanned
              (loop $entry
                (local.set $v (call $db_next (local.get $it)))
                (local.set $d (i32.load (local.get $v)))
                (local.set $e (i32.add (local.get $d) (i32.load offset=8 (local.get $v))))
                (local.set $vl (call $be32 (i32.sub (local.get $e) (i32.const 4))))
                (local.set $kl (call $be32 (i32.sub (i32.sub (local.get $e) (i32.const 8)) (local.get $vl))))
                (br_if $scanned (i32.eqz (i32.or (local.get $kl) (local.get $vl))))
                (call $append (local.get $d) (local.get $kl) (i32.const 0))
                (call $appendByte (i32.const 61))
                (call $append (i32.add (i32.add (local.get $d) (local.get $kl)) (i32.const 4)) (local.get $vl) (i32.const 0))
                (call $appendByte (i32.const 44))
                (br $entry)))
            (local.set $p (i32.add (local.get $q) (i32.const 1))) (br $handled)))
          (if (i32.eq (local.get $c) (i32.const 71)) (then ;; G
            (if (i32.eq (memory.grow (i32.const 600)) (i32.const -1))
              (then (call $appendByte (i32.const 70)))
              (else (call $appendByte (i32.const 83))))
            (br $handled)))
          unreachable)
        (br $next)))
    (call $region (i32.const 0x10000) (global.get $outLen)))

  ;; the program inside {"p":"…"}
  (func $runMsg (param $m i32) (result i32)
    (global.set $msg (local.get $m))
    (call $run
      (i32.add (i32.load (local.get $m)) (i32.const 6))
      (i32.sub (i32.add (i32.load (local.get $m)) (i32.load offset=8 (local.get $m))) (i32.const 2))))

  (func (export "instantiate") (param $env i32) (param $info i32) (param $m i32) (result i32)
    (global.set $env (local.get $env)) (global.set $info (local.get $info))
    (call $runMsg (local.get $m)))
  (func (export "execute") (param $env i32) (param $info i32) (param $m i32) (result i32)
    (global.set $env (local.get $env)) (global.set $info (local.get $info))
    (call $runMsg (local.get $m)))
  (func (export "query") (param $env i32) (param $m i32) (result i32)
    (global.set $env (local.get $env))
    (call $runMsg (local.get $m)))
  (func (export "migrate") (param $env i32) (param $m i32) (result i32)
    (global.set $env (local.get $env))
    (call $runMsg (local.get $m)))
  (func (export "sudo") (param $env i32) (param $m i32) (result i32)
    (global.set $env (local.get $env))
    (call $runMsg (local.get $m)))
  (func (export "reply") (param $env i32) (param $m i32) (result i32)
    (local $r i32)
    (global.set $env (local.get $env)) (global.set $msg (local.get $m))
    (i32.store8 (i32.const 0x100) (i32.const 82))
    (local.set $r (call $db_read (call $region (i32.const 0x100) (i32.const 1))))
    (if (i32.eqz (local.get $r)) (then unreachable))
    (call $run (i32.load (local.get $r)) (i32.add (i32.load (local.get $r)) (i32.load offset=8 (local.get $r)))))
)`;

const CACHE_DIR = ".cache/test-wasm";

/**
 * The scriptable test contract's wasm, optionally with extra WAT fields (e.g. an export). binaryen takes seconds to
 * load, so assembled modules are cached under .cache/ by the hash of their text.
 */
export async function scriptContract(extraWat = ""): Promise<Uint8Array> {
  return assemble(extraWat === "" ? WAT : WAT.replace(/\)\s*$/, `${extraWat})`));
}

// A contract that keeps to the bottom of its 4 pages (heap from 0x400, each Region's header before its data), for
// the embedded chain's partial restore of recycled instances. execute's message picks what it does by its third
// byte: {"poke":…} stores a byte at 0x30000; {"check":…} answers an attribute clean=yes if every byte from 0x8000
// (LOW_MEMORY) to the end of memory is zero, else no; anything else (e.g. a large {"big":…}) just answers.
const LOW_WAT = String.raw`
(module
  (memory (export "memory") 4)
  (global $heap (mut i32) (i32.const 0x400))
  (data (i32.const 0x100) "{\"ok\":{\"messages\":[],\"attributes\":[{\"key\":\"clean\",\"value\":\"yes\"}],\"events\":[],\"data\":null}}")
  (data (i32.const 0x200) "{\"ok\":{\"messages\":[],\"attributes\":[{\"key\":\"clean\",\"value\":\"no!\"}],\"events\":[],\"data\":null}}")
  (func (export "interface_version_8"))
  (func $region (param $ptr i32) (param $len i32) (result i32)
    (local $r i32)
    (local.set $r (global.get $heap))
    (global.set $heap (i32.add (local.get $r) (i32.const 16)))
    (i32.store (local.get $r) (local.get $ptr))
    (i32.store offset=4 (local.get $r) (local.get $len))
    (i32.store offset=8 (local.get $r) (local.get $len))
    (local.get $r))
  (func (export "allocate") (param $size i32) (result i32)
    (local $r i32)
    (local.set $r (call $region (i32.const 0) (local.get $size)))
    (i32.store (local.get $r) (global.get $heap))
    (i32.store offset=8 (local.get $r) (i32.const 0))
    (global.set $heap (i32.and (i32.add (i32.add (global.get $heap) (local.get $size)) (i32.const 7)) (i32.const -8)))
    (local.get $r))
  (func (export "deallocate") (param i32))
  (func $clean (result i32)
    (local $p i32)
    (local.set $p (i32.const 0x8000))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (i32.const 0x40000)))
        (if (i32.load8_u (local.get $p)) (then (return (i32.const 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (i32.const 1))
  ;; the result's Region at a fixed low address (after a large message, the heap is past 0x8000)
  (func $answer (param $yes i32) (result i32)
    (i32.store (i32.const 0x300) (select (i32.const 0x100) (i32.const 0x200) (local.get $yes)))
    (i32.store (i32.const 0x304) (i32.const 91))
    (i32.store (i32.const 0x308) (i32.const 91))
    (i32.const 0x300))
  (func (export "instantiate") (param i32) (param i32) (param i32) (result i32)
    (call $answer (i32.const 1)))
  (func (export "execute") (param $env i32) (param $info i32) (param $m i32) (result i32)
    (local $c i32)
    (local.set $c (i32.load8_u offset=2 (i32.load (local.get $m))))
    (if (i32.eq (local.get $c) (i32.const 112)) (then (i32.store8 (i32.const 0x30000) (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 99)) (then (return (call $answer (call $clean)))))
    (call $answer (i32.const 1)))
)`;

/** The low-memory test contract's wasm (see LOW_WAT). */
export function lowMemoryContract(): Promise<Uint8Array> {
  return assemble(LOW_WAT);
}

async function assemble(text: string): Promise<Uint8Array> {
  const file = `${CACHE_DIR}/${createHash("sha256").update(text).digest("hex")}.wasm`;
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    // not assembled yet
  }
  const { default: binaryen } = await import("binaryen");
  const mod = binaryen.parseText(text);
  mod.setFeatures(binaryen.Features.MVP | binaryen.Features.MutableGlobals);
  if (!mod.validate()) throw new Error("test contract does not validate");
  const bytes = mod.emitBinary();
  mod.dispose();
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(file, bytes);
  return bytes;
}

/** The message that makes the script contract run `program`. */
export const run = (program: string): { p: string } => ({ p: program });

/** A program's result: `ok` with attributes/events/messages given as JSON values, quotes encoded for the script. */
export function okResult(response: {
  messages?: unknown[];
  attributes?: { key: string; value: string }[];
  events?: unknown[];
  data?: string | null;
}): string {
  const json = JSON.stringify({
    ok: {
      messages: response.messages ?? [],
      attributes: response.attributes ?? [],
      events: response.events ?? [],
      data: response.data ?? null,
    },
  });
  return `o${quote(json)};`;
}

/** JSON text encoded for the script (' stands for "); the text must not contain ' ; or \. */
export function quote(json: string): string {
  if (/['\\;]/.test(json)) throw new Error(`cannot encode for the script contract: ${json}`);
  return json.replace(/"/g, "'");
}

/** base64 of the JSON message {"p": program}, for wasm submessages and smart queries. */
export const programB64 = (program: string): string => Buffer.from(JSON.stringify(run(program))).toString("base64");
