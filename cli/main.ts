#!/usr/bin/env node
// akash-econ CLI: one subcommand per module in cli/commands/, loaded lazily so `--help` stays fast and a
// subcommand's heavy dependencies (CosmJS, the wasm VM) load only when it runs.
import { readFileSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

interface Command {
  summary: string;
  load: () => Promise<{ run: (argv: string[]) => Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  demo: {
    summary: "deploy every contract through governance on the embedded chain and run a short scripted demo",
    load: () => import("./commands/demo.js"),
  },
  localnode: {
    summary: "build, start, stop or inspect the local wasmd chain (build|start|stop|status)",
    load: () => import("./commands/localnode.js"),
  },
  deploy: {
    summary: "store, instantiate and migrate contracts through x/gov proposals (or emit the proposal file)",
    load: () => import("./commands/deploy.js"),
  },
  oracle: {
    summary: "oracle tools (verify: check a Pyth price update offline with the oracle contract itself)",
    load: () => import("./commands/oracle.js"),
  },
  relay: {
    summary: "relay Pyth price updates from Hermes to the oracle contract",
    load: () => import("./commands/relay.js"),
  },
  escrow: {
    summary: "escrow operations and the balance-alert watcher",
    load: () => import("./commands/escrow.js"),
  },
  bme: {
    summary: "burn-mint equilibrium: ACT mint/redeem requests, epoch crank, status and simulation",
    load: () => import("./commands/bme.js"),
  },
  incentives: {
    summary: "incentive programs: governance proposals from a program file, attestor reports, status",
    load: () => import("./commands/incentives.js"),
  },
  sim: {
    summary: "economic simulations with the real contracts in the loop (run|merge|report|validate|schema)",
    load: () => import("./commands/sim.js"),
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    "usage: akash-econ <command> [options]",
    "",
    "commands:",
    ...lines,
    "",
    "Run `akash-econ <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version") {
    // dist/cli/main.js → the package root's package.json
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    console.log(pkg.version);
    return 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    console.error(`akash-econ: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  return module.run(rest);
}

// Run when executed directly, also through npm's bin symlink (node_modules/.bin/akash-econ), not when imported.
const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(realpathSync(invoked)).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`akash-econ: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
