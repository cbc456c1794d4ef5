// Big-endian cursor over untrusted bytes. Every read is bounds-checked against the remaining length and records the
// first failure instead of trapping, so a short or hostile buffer becomes a contract error.

import { intStr } from "../../std";

export class Reader {
  pos: i32 = 0;
  error: string | null = null;
  // The repeated item the next reads belong to ("message " and 3 name the field " length" "message 3 length"), and a
  // number after the field ("proof node " 2); -1 for none. Labels are only put together for an error text: a batch
  // reads thousands of items, and building every label eagerly cost megabytes of the 32 MiB instance memory.
  item: string = "";
  index: i32 = -1;
  sub: i32 = -1;

  constructor(
    public data: Uint8Array,
    public what: string,
  ) {}

  remaining(): i32 {
    return this.data.length - this.pos;
  }

  failed(): bool {
    return this.error !== null;
  }

  fail(msg: string): void {
    if (this.error === null) this.error = msg;
  }

  /** Sets the item (see `item`) the next reads belong to. */
  at(item: string, index: i32): void {
    this.item = item;
    this.index = index;
  }

  /** True when `n` more bytes can be read for `field`; records a truncation error otherwise. */
  need(n: i32, field: string): bool {
    if (this.error !== null) return false;
    if (n < 0 || this.remaining() < n) {
      let label = field;
      if (this.index >= 0) label = this.item + intStr(this.index) + label;
      if (this.sub >= 0) label += intStr(this.sub);
      this.error =
        this.what +
        " truncated: " +
        label +
        " needs " +
        intStr(n) +
        " bytes at offset " +
        intStr(this.pos) +
        ", " +
        intStr(this.remaining()) +
        " left";
      return false;
    }
    return true;
  }

  u8(field: string): u8 {
    if (!this.need(1, field)) return 0;
    return this.data[this.pos++];
  }

  u16(field: string): u16 {
    if (!this.need(2, field)) return 0;
    let v: u16 = 0;
    for (let i = 0; i < 2; i++) v = (v << 8) | (<u16>this.data[this.pos++]);
    return v;
  }

  u32(field: string): u32 {
    if (!this.need(4, field)) return 0;
    let v: u32 = 0;
    for (let i = 0; i < 4; i++) v = (v << 8) | (<u32>this.data[this.pos++]);
    return v;
  }

  u64(field: string): u64 {
    if (!this.need(8, field)) return 0;
    let v: u64 = 0;
    for (let i = 0; i < 8; i++) v = (v << 8) | (<u64>this.data[this.pos++]);
    return v;
  }

  // Two's complement reinterpretation: the wire carries signed fields in the same bit pattern.
  i32(field: string): i32 {
    return <i32>this.u32(field);
  }

  i64(field: string): i64 {
    return <i64>this.u64(field);
  }

  /** A view (no copy) of the next `n` bytes; empty after a failure. */
  bytes(n: i32, field: string): Uint8Array {
    if (!this.need(n, field)) return new Uint8Array(0);
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Everything not read yet. */
  rest(): Uint8Array {
    const out = this.data.subarray(this.pos, this.data.length);
    this.pos = this.data.length;
    return out;
  }
}
