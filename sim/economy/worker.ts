// A tinypool worker: runs one (param set, run) task; the executor (and its warmed chains) lives as long as the worker.
import { LocalExecutor, type RunTask } from "./runner.js";
import type { RunResult } from "./engine.js";

const executor = new LocalExecutor();

export default function runTask(task: RunTask): Promise<RunResult> {
  return executor.run(task);
}
