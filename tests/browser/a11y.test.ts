// axe-core in real Chromium: no violations on any page type (all of axe's default rules, none
// disabled), in the normal layout, at a phone width with large text, and the compare page without its script.
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PAGE_TYPES } from "./server.ts";
import { browserSession } from "./session.ts";

const session = browserSession();

/** Runs axe on one page and returns its violations as readable lines (empty when clean). */
async function violations(path: string, options: BrowserContextOptions = {}, prepare?: (page: Page) => Promise<void>): Promise<string[]> {
  // a plain browser.newContext() (stack-notes: AxeBuilder fails on persistent contexts)
  // (its requests are checked after the test)
  const page = await session.newPage(options);
  await prepare?.(page);
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? "?"}): ${v.help} — ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`),
  );
}

describe("axe finds no violations", () => {
  it.each(PAGE_TYPES)("$name ($path)", async ({ path }) => {
    expect(await violations(path)).toEqual([]);
  });

  it.each(PAGE_TYPES)("$name ($path) at 390 px with large text", async ({ path }) => {
    const v = await violations(path, {
      viewport: { width: 390, height: 844 },
      // the large-text switch is remembered in localStorage; set it before the page's own script reads it
      storageState: { cookies: [], origins: [{ origin: session.server.origin, localStorage: [{ name: "fzzl-large-text", value: "1" }] }] },
    });
    expect(v).toEqual([]);
  });

  it("compare as served without JavaScript (form hidden, full table)", async () => {
    // axe itself needs JavaScript, so the page's own scripts are removed from its HTML instead
    const v = await violations("/compare/", {}, async (page) => {
      await page.route("**/compare/", async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, body: (await res.text()).replace(/<script\b[\s\S]*?<\/script>/g, "") });
      });
    });
    expect(v).toEqual([]);
  });
});
