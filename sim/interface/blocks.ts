// Block control: how a caller lets chain time pass. The embedded chain closes blocks on demand; a real node only lets
// the caller wait for them, so both are driven through this asynchronous shape.

export interface BlockControl {
  /** Latest block time in unix seconds. */
  now(): Promise<number>;
  /** Returns once `n` more blocks have been made. */
  advance(n: number): Promise<void>;
}
