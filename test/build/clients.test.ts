// The committed clients/ is exactly what scripts/clients.ts generates from the committed schemas.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateClients, schemarsNullables, type Json } from "../../scripts/clients.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";

describe("generated clients", () => {
  it("clients/ matches a fresh generation from schema/", async () => {
    const files = await generateClients();
    const dir = path.join(repoRoot(), "clients");
    expect(readdirSync(dir).sort()).toEqual([...files.keys()].sort());
    for (const [file, content] of files) expect(readFileSync(path.join(dir, file), "utf8"), file).toBe(content);
  }, 60_000);

  it("rewrites inline nullable types to cosmwasm-schema's form and leaves references alone", () => {
    const input: Json = {
      description: "limit",
      anyOf: [{ type: "integer", format: "uint32", minimum: 0 }, { type: "null" }],
    };
    expect(schemarsNullables(input)).toEqual({
      description: "limit",
      type: ["integer", "null"],
      format: "uint32",
      minimum: 0,
    });
    const ref: Json = { anyOf: [{ $ref: "#/definitions/Coin" }, { type: "null" }] };
    expect(schemarsNullables(ref)).toEqual(ref);
    const union: Json = { anyOf: [{ type: "string" }, { type: "integer" }] };
    expect(schemarsNullables(union)).toEqual(union);
  });
});
