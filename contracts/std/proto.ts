// A protobuf writer for the few SDK messages contracts send as `CosmosMsg::Any`: length-delimited fields only
// (strings and embedded messages), which is all a coin transfer needs. proto3 leaves empty strings out.

import { utf8Encode } from "./encoding";
import { Coin } from "./coin";

export class ProtoWriter {
  private bytes: Array<u8> = new Array<u8>();

  private varint(n: u32): void {
    while (n >= 0x80) {
      this.bytes.push(<u8>((n & 0x7f) | 0x80));
      n >>= 7;
    }
    this.bytes.push(<u8>n);
  }

  /** Field `field`, wire type 2, with these bytes (written even when empty: embedded messages need that). */
  raw(field: u32, data: Uint8Array): ProtoWriter {
    this.varint((field << 3) | 2);
    this.varint(<u32>data.length);
    for (let i = 0; i < data.length; i++) this.bytes.push(data[i]);
    return this;
  }

  /** A string field; skipped when empty, as proto3 does. */
  str(field: u32, s: string): ProtoWriter {
    return s.length == 0 ? this : this.raw(field, utf8Encode(s));
  }

  /** An embedded `cosmos.base.v1beta1.Coin` {denom = 1, amount = 2 (decimal text)}. */
  coin(field: u32, c: Coin): ProtoWriter {
    return this.raw(field, new ProtoWriter().str(1, c.denom).str(2, c.amount.toString()).finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.bytes.length);
    for (let i = 0; i < this.bytes.length; i++) out[i] = this.bytes[i];
    return out;
  }
}
