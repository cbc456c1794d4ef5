/**
 * Builds (once) and locates the wasmd binary used for the local chain.
 *
 * The binary comes from the Go wrapper module scripts/wasmd (wasmd cannot be `go install`ed because its go.mod has
 * replace directives). It links libwasmvm through an rpath into the Go module cache, so a cached binary is only
 * reused if it still starts.
 */
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { cacheDir } from "./paths.js";
import { repoRoot } from "../lib/repo-root.js";

const execFileP = promisify(execFile);

export const MIN_GO = [1, 24] as const;
export const BECH32_PREFIX = "akash";

export interface EnsureWasmdOptions {
  /** Rebuild even if the stamp matches. */
  force?: boolean;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
  /** Forward `go build` output to stderr (default true). */
  verbose?: boolean;
}

export class ToolchainMissingError extends Error {
  override name = "ToolchainMissingError";
}

interface Toolchain {
  goVersion: string;
  goBin: string;
  cc: string;
}

const wrapperDir = (): string => join(repoRoot(), "scripts", "wasmd");
export const cachedBinaryPath = (): string => join(cacheDir(), "bin", "wasmd");

/** wasmd version pinned in the wrapper module (also stamped into the binary). */
export function pinnedWasmdVersion(): string {
  const gomod = readFileSync(join(wrapperDir(), "go.mod"), "utf8");
  const m = /github\.com\/CosmWasm\/wasmd v(\d+\.\d+\.\d+\S*)/.exec(gomod);
  if (m?.[1] === undefined) throw new Error("scripts/wasmd/go.mod does not require github.com/CosmWasm/wasmd");
  return m[1];
}

function ldflags(version: string): string {
  return [
    // sonic's loader go:links runtime internals that newer Go hides (wasmd v0.61.x Makefile does the same)
    "-checklinkname=0",
    "-X github.com/cosmos/cosmos-sdk/version.Name=wasm",
    "-X github.com/cosmos/cosmos-sdk/version.AppName=wasmd",
    `-X github.com/cosmos/cosmos-sdk/version.Version=${version}`,
    `-X github.com/CosmWasm/wasmd/app.Bech32Prefix=${BECH32_PREFIX}`,
  ].join(" ");
}

const BUILD_TAGS = "netgo";

function parseGoVersion(out: string): [number, number] | undefined {
  const m = /go(\d+)\.(\d+)/.exec(out);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

async function commandOutput(cmd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await execFileP(cmd, args, { timeout: 30_000 });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/** What is missing to build wasmd from source, or the toolchain if nothing is. */
export async function checkToolchain(): Promise<{ ok: true; toolchain: Toolchain } | { ok: false; missing: string[] }> {
  const missing: string[] = [];
  const goBin = process.env.GO ?? "go";
  const goOut = await commandOutput(goBin, ["version"]);
  const v = goOut === undefined ? undefined : parseGoVersion(goOut);
  const need = `${MIN_GO[0]}.${MIN_GO[1]}`;
  if (goOut === undefined || v === undefined) {
    missing.push(`wasmd build needs Go >= ${need} (no \`go\` on PATH) — install Go from https://go.dev/dl`);
  } else if (v[0] < MIN_GO[0] || (v[0] === MIN_GO[0] && v[1] < MIN_GO[1])) {
    const found = /go\d+\.\d+(\.\d+)?/.exec(goOut)?.[0] ?? goOut;
    missing.push(
      `wasmd build needs Go >= ${need} (found ${found}) — install Go from https://go.dev/dl or your package manager`,
    );
  }
  const cc = process.env.CC ?? "gcc";
  if ((await commandOutput(cc, ["--version"])) === undefined) {
    missing.push(`wasmd build needs ${cc} (cgo links libwasmvm) — install gcc (Debian: apt-get install gcc)`);
  }
  if (missing.length > 0 || goOut === undefined) return { ok: false, missing };
  return { ok: true, toolchain: { goVersion: goOut, goBin, cc } };
}

function stampOf(goVersion: string, version: string): string {
  const h = createHash("sha256");
  for (const f of ["go.mod", "go.sum"]) h.update(readFileSync(join(wrapperDir(), f)));
  h.update(ldflags(version));
  h.update(BUILD_TAGS);
  h.update(goVersion);
  return h.digest("hex");
}

/** Runs `<bin> version`; fails when the binary is broken, e.g. its libwasmvm rpath target was removed. */
export async function binaryVersion(bin: string): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await execFileP(bin, ["version"], { timeout: 30_000 });
    return stdout.trim() || stderr.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A cached binary that starts, regardless of the toolchain (lets machines without Go reuse a CI-cached build). */
export async function usableCachedBinary(): Promise<string | undefined> {
  const env = process.env.WASMD_BIN;
  if (env !== undefined && env !== "") return (await binaryVersion(env)) !== undefined ? env : undefined;
  const bin = cachedBinaryPath();
  return existsSync(bin) && (await binaryVersion(bin)) !== undefined ? bin : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Cross-process lock: parallel test files may all ask for the binary at once, only one may build it. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(cacheDir(), "bin", "wasmd.lock");
  mkdirSync(join(cacheDir(), "bin"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, "pid"), "utf8"));
      } catch {
        // the owner has not written its pid yet
      }
      if (Number.isInteger(owner) && !pidAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function goBuild(tc: Toolchain, version: string, out: string, opts: EnsureWasmdOptions): Promise<void> {
  const args = [
    "build",
    "-trimpath",
    "-tags",
    BUILD_TAGS,
    "-ldflags",
    ldflags(version),
    "-o",
    out,
    "github.com/CosmWasm/wasmd/cmd/wasmd",
  ];
  const verbose = opts.verbose ?? true;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(tc.goBin, args, {
      cwd: wrapperDir(),
      env: { ...process.env, CGO_ENABLED: "1", CC: tc.cc },
      stdio: ["ignore", verbose ? "inherit" : "pipe", verbose ? "inherit" : "pipe"],
    });
    let tail = "";
    const keep = (d: Buffer): void => {
      tail = (tail + d.toString()).slice(-4000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`go build of wasmd failed (${signal ?? `exit ${code}`})${tail ? `:\n${tail}` : ""}`));
    });
  });
}

/**
 * Path of a working wasmd binary (prefix akash): `WASMD_BIN` if set, else `.cache/bin/wasmd`, (re)built when its stamp
 * (go.mod, go.sum, ldflags, `go version`) changed or it no longer starts. Fast when nothing changed.
 */
export async function ensureWasmd(opts: EnsureWasmdOptions = {}): Promise<string> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const envBin = process.env.WASMD_BIN;
  if (envBin !== undefined && envBin !== "") {
    if ((await binaryVersion(envBin)) === undefined) throw new Error(`WASMD_BIN=${envBin} does not run (\`version\`)`);
    return envBin;
  }
  const bin = cachedBinaryPath();
  const stampFile = `${bin}.stamp`;
  const version = pinnedWasmdVersion();
  const tc = await checkToolchain();
  if (!tc.ok) {
    // Without a toolchain a previously built binary is still fine; we just cannot tell whether it is stale.
    if (!opts.force && existsSync(bin) && (await binaryVersion(bin)) !== undefined) return bin;
    throw new ToolchainMissingError(tc.missing.join("\n"));
  }
  const stamp = stampOf(tc.toolchain.goVersion, version);
  const fresh = async (): Promise<boolean> =>
    !opts.force &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8").trim() === stamp &&
    (await binaryVersion(bin)) === version;
  if (await fresh()) return bin;
  return withBuildLock(async () => {
    // Another process may have finished the same build while we waited for the lock.
    if (await fresh()) return bin;
    log(`building wasmd v${version} (prefix ${BECH32_PREFIX}) into ${bin} — a cold build takes ~5-10 min`);
    const tmp = `${bin}.tmp-${process.pid}`;
    const started = Date.now();
    try {
      await goBuild(tc.toolchain, version, tmp, opts);
      const got = await binaryVersion(tmp);
      if (got !== version) throw new Error(`built wasmd reports version ${got ?? "(does not run)"}, want ${version}`);
      renameSync(tmp, bin);
    } finally {
      rmSync(tmp, { force: true });
    }
    writeFileSync(stampFile, `${stamp}\n`);
    log(`wasmd built in ${Math.round((Date.now() - started) / 1000)} s`);
    return bin;
  });
}
