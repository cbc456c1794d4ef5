// Shared plumbing of the simulation tests: scenario files written to a temporary directory, and the repository's
// scenarios.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../scripts/lib/repo-root.js";

export const scenarioPath = (name: string): string => join(repoRoot(), "scenarios", `${name}.yaml`);

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `akash-econ-${label}-`));
}

/** Writes files (name → YAML text) into a fresh directory; returns the directory. */
export function writeScenarios(files: Record<string, string>): string {
  const dir = tempDir("scenario");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A small valid scenario body (extends the repository's smoke scenario). */
export const SMOKE_CHILD = `extends: ${JSON.stringify(scenarioPath("smoke"))}\n`;
