// The progress bar draws only on a terminal outside CI, and then shows runs, steps/s and an ETA.
import { describe, expect, it } from "vitest";
import { Progress } from "../../sim/economy/progress.js";

function stream(isTTY: boolean): { s: NodeJS.WriteStream; out: string[] } {
  const out: string[] = [];
  const s = { isTTY, write: (chunk: string) => out.push(chunk) } as unknown as NodeJS.WriteStream;
  return { s, out };
}

describe("progress bar", () => {
  it("is quiet when stderr is not a terminal, or under CI", () => {
    for (const [tty, env] of [
      [false, {}],
      [true, { CI: "true" }],
      [true, { CI: "1" }],
    ] as const) {
      const { s, out } = stream(tty);
      const p = new Progress(2, 10, s, env);
      p.step();
      p.runDone(10);
      p.done();
      expect(p.enabled).toBe(false);
      expect(out).toEqual([]);
    }
  });

  it("on a terminal shows runs done, steps/s and ETA", () => {
    const { s, out } = stream(true);
    const p = new Progress(2, 10, s, {});
    p.runDone(10);
    p.done();
    expect(out.join("")).toMatch(/runs 1\/2 +\d+ steps\/s +ETA \d+s/);
  });
});
