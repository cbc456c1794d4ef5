// The HTML report in a real headless browser (Debian's chromium driven by playwright-core): it opens offline, every
// chart renders as a non-empty SVG, the calibration table is there, and the page logs no error. The screenshot is
// kept for CI logs. Skips with a one-line reason when no chromium binary is installed (.ci/run installs one).
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/economy/run.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { scenarioPath, tempDir, writeScenarios } from "./helpers.js";

const CANDIDATES = [process.env.CHROMIUM_BIN, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
const chromium = CANDIDATES.find((p): p is string => p !== undefined && p !== "" && existsSync(p));
// Under CI the browser must be there (.ci/run installs it): never skip there.
const inCI = process.env.CI === "true" || process.env.CI === "1";

describe.skipIf(chromium === undefined && !inCI)(
  chromium === undefined
    ? "report in a browser (skipped: no chromium binary; apt-get install -y chromium)"
    : "report in a browser",
  () => {
    it("every chart renders, no console errors, screenshot kept", async () => {
      // Two runs and a two-key sweep: fan charts, small multiples and heatmaps, plus a calibration table.
      const dir = writeScenarios({
        "report.yaml": `extends: ${JSON.stringify(scenarioPath("smoke"))}
steps: 9
runs: 2
sweep:
  params.behaviour.tenants.leases_per_day: [24, 48]
  params.behaviour.tenants.prepay_hours: [2, 4]
calibration:
  - { label: leases, metric: escrow.leases_created, target: 10 }
  - { label: spend per lease, metric: escrow.spend_usd, divide_by: leases, target: 1, unit: USD }
`,
      });
      const out = join(tempDir("report"), "out");
      const res = await runScenario(join(dir, "report.yaml"), { out, workers: 1 });
      expect(res.report).toBeDefined();
      const { chromium: driver } = await import("playwright-core");
      const browser = await driver.launch({ executablePath: chromium ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const problems: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error") problems.push(m.text());
        });
        page.on("pageerror", (e) => problems.push(e.message));
        // Offline: any request leaving file:// is a failure (no CDN).
        page.on("request", (r) => {
          if (!r.url().startsWith("file:")) problems.push(`network request: ${r.url()}`);
        });
        await page.goto(pathToFileURL(res.report!).href);
        const charts: { id: string; marks: number; w: number; h: number }[] = [];
        for (const fig of await page.locator("figure.chart").all()) {
          const box = await fig.locator("svg").first().boundingBox();
          charts.push({
            id: (await fig.getAttribute("id")) ?? "",
            marks: await fig.locator("svg path, svg rect, svg line").count(),
            w: box?.width ?? 0,
            h: box?.height ?? 0,
          });
        }
        expect(charts.length).toBeGreaterThan(10);
        for (const c of charts) {
          expect(c.w, c.id).toBeGreaterThan(50);
          expect(c.h, c.id).toBeGreaterThan(50);
          expect(c.marks, c.id).toBeGreaterThan(0);
        }
        expect(charts.some((c) => c.id.startsWith("chart-heatmap-"))).toBe(true);
        expect(charts.some((c) => c.id === "chart-sweep-small-multiples")).toBe(true);
        expect(await page.locator("#calibration tr").count()).toBe(3);
        expect(problems).toEqual([]);
        const shots = join(repoRoot(), ".cache", "sim-report");
        mkdirSync(shots, { recursive: true });
        const shot = join(shots, "report.png");
        await page.screenshot({ path: shot, fullPage: true });
        console.log(`report screenshot: ${shot}`);
      } finally {
        await browser.close();
      }
    });
  },
);
