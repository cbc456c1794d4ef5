// A one-line progress bar on stderr (runs done, steps/s, ETA), drawn only on a terminal and never under CI.
export class Progress {
  private readonly started = Date.now();
  private runsDone = 0;
  private steps = 0;
  private last = 0;
  readonly enabled: boolean;

  constructor(
    private readonly runs: number,
    private readonly stepsPerRun: number,
    stream: NodeJS.WriteStream = process.stderr,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.enabled = stream.isTTY && env.CI !== "true" && env.CI !== "1";
    this.stream = stream;
  }
  private readonly stream: NodeJS.WriteStream;

  step(): void {
    this.steps++;
    this.draw(false);
  }

  runDone(stepsDone: number): void {
    this.runsDone++;
    // Pool runs report at the end only: count their steps then.
    this.steps = Math.max(this.steps, this.runsDone * stepsDone);
    this.draw(true);
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 200) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = this.steps / Math.max(secs, 1e-3);
    const total = this.runs * this.stepsPerRun;
    const eta = rate > 0 ? Math.max(0, (total - this.steps) / rate) : 0;
    const width = 24;
    const filled = Math.round((width * this.steps) / Math.max(total, 1));
    const bar = "#".repeat(Math.min(width, filled)).padEnd(width, ".");
    this.stream.write(
      `\r[${bar}] runs ${this.runsDone}/${this.runs}  ${rate.toFixed(0)} steps/s  ETA ${eta.toFixed(0)}s   `,
    );
  }

  done(): void {
    if (this.enabled) this.stream.write("\n");
  }
}
