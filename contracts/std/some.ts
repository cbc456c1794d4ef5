// A value that can be absent. AssemblyScript has no `u64 | null`, so message fields that need to tell "absent" from
// 0 are declared `Some<u64> | null`; the schema generator treats `Some<T>` as T.

export class Some<T> {
  constructor(public value: T) {}
}
