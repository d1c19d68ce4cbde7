// The life of a browser test file: a static server over a built site, one Chromium, a guarded
// context per page (requests that leave the server and Content-Security-Policy violations are
// recorded, and after each test there must be none), everything closed at the end. A missing
// Chromium fails every test with launchChromium's message rather than skipping the suite.
import { rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { cspMessage, guardedContext, launchChromium, offsiteMessage, ROOT, startServer, type GuardedContext, type StaticServer } from "./server.ts";

export interface BrowserSession {
  /** the server (set once beforeAll has run) */
  readonly server: StaticServer;
  /** A new page in a context of its own, checked for off-site requests after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** The same, with its guard (a test that expects an off-site request clears it). */
  newGuardedPage(options?: BrowserContextOptions): Promise<{ page: Page; guard: GuardedContext }>;
}

export interface SessionOptions {
  /** Runs first in beforeAll (build a site of its own, say); returns the directory to serve (default dist/). */
  prepare?: () => Promise<string | undefined> | string | undefined;
  /** the sub-path the site is served under (default "/") */
  prefix?: string;
  /** beforeAll's time limit in ms (building a site takes minutes) */
  timeout?: number;
  /** Runs last in afterAll (remove what prepare made). */
  cleanup?: () => void;
}

export function browserSession(options: SessionOptions = {}): BrowserSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let launchError: unknown;
  const open: GuardedContext[] = [];

  beforeAll(async () => {
    const root = (await options.prepare?.()) ?? undefined;
    server = await startServer(root, options.prefix);
    browser = await launchChromium().catch((e: unknown) => {
      launchError = e;
      return undefined;
    });
  }, options.timeout);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    options.cleanup?.();
  });

  afterEach(async () => {
    const contexts = open.splice(0);
    for (const g of contexts) await g.context.close();
    for (const g of contexts) expect(g.offsite, offsiteMessage(g)).toEqual([]);
    for (const g of contexts) expect(g.cspViolations, cspMessage(g)).toEqual([]);
  });

  const newGuardedPage = async (o: BrowserContextOptions = {}) => {
    if (launchError || !browser || !server) throw launchError ?? new Error("the browser session has not started");
    const guard = await guardedContext(browser, server.origin, o);
    open.push(guard);
    return { page: await guard.context.newPage(), guard };
  };
  return {
    get server() {
      if (!server) throw new Error("the browser session has not started");
      return server;
    },
    newGuardedPage,
    newPage: async (o) => (await newGuardedPage(o)).page,
  };
}

/** Removes a test's scratch folder under tmp/, and tmp/ itself once it is empty. */
export function removeScratch(dir: string): void {
  if (!dir) return;
  rmSync(dir, { recursive: true, force: true });
  try {
    rmdirSync(join(ROOT, "tmp")); // only when empty
  } catch {}
}

/** Types `query` into the search page's labelled input and waits for the status line to report. */
export async function searchSite(page: Page, query: string, prefix = "/"): Promise<{ status: string; results: { href: string; title: string; excerpt: string }[] }> {
  const res = await page.goto(`${prefix}search/`);
  expect(res?.status()).toBe(200);
  const input = page.getByLabel("搜索乡镇名称、指标或报告原文");
  await input.waitFor({ state: "visible" }); // shown once the index has loaded
  await input.fill(query);
  await page.waitForFunction(() => /找到|没有找到/.test(document.getElementById("search-status")?.textContent ?? ""), undefined, { timeout: 15_000 });
  const status = (await page.locator("#search-status").innerText()).trim();
  const results = await page.$$eval("#search-results > li", (lis) =>
    lis.map((li) => ({
      href: new URL((li.querySelector("a") as HTMLAnchorElement).href).pathname,
      title: li.querySelector("a")?.textContent ?? "",
      excerpt: li.querySelector(".result-excerpt")?.textContent ?? "",
    })),
  );
  return { status, results };
}
