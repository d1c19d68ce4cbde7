// The site hosted under a sub-path: built with FZZL_BASE=/fzzf/ (the one option, astro.config.mjs)
// into a temporary directory (dist/ is left to the other browser tests), served under /fzzf/ only,
// and crawled from its home page: every link, script, stylesheet, CSS url() and the Pagefind script
// must answer 200 under /fzzf/, and nothing may point or be requested outside it. Search results,
// the 404 page, robots.txt and the sitemap must stay under it too.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT, type GuardedContext } from "./server.ts";
import { browserSession, removeScratch } from "./session.ts";

const PREFIX = "/fzzf/";
const SITE = "https://fzzl.example.gov.cn";
const WANGCUN = `${PREFIX}townships/140423106-2024/`;

let out = "";

/** process.env without what vitest sets for its own Vite (BASE_URL=/ would override the base of the build). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(k)) delete env[k];
  return env;
}

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024, env: { ...cleanEnv(), ...env } });
  if (r.error || r.status !== 0) {
    const output = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`${command} ${args.join(" ")} failed (${r.error?.message ?? `exit ${r.status}`}):\n${output}`);
  }
}

/** The steps of `npm run build`, into a scratch folder instead of dist/, with FZZL_BASE. */
function buildUnderPrefix(): string {
  // inside the project: Astro removes .astro/ when --outDir lies outside it (tmp/ is git-ignored)
  mkdirSync(join(ROOT, "tmp"), { recursive: true });
  out = mkdtempSync(join(ROOT, "tmp", "subpath-"));
  const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  run(npm, ["run", "--silent", "extract"]);
  run(bin("astro"), ["build", "--outDir", out], { FZZL_BASE: PREFIX, FZZL_SITE: SITE });
  run(bin("tsx"), ["scripts/search-index.ts", out]);
  return out;
}

const session = browserSession({ prepare: buildUnderPrefix, prefix: PREFIX, timeout: 240_000, cleanup: () => removeScratch(out) });

/** Runs `fn` on a page of its own; what it requested is checked after the test. */
async function withPage<T>(fn: (page: Page, guard: GuardedContext) => Promise<T>): Promise<T> {
  const { page, guard } = await session.newGuardedPage();
  return fn(page, guard);
}

/** `url` as a path on the local server, or null when it is another host (an external link). */
function localPath(url: string): string | null {
  const u = new URL(url);
  return u.origin === session.server.origin ? u.pathname : null;
}

describe(`the site built with FZZL_BASE=${PREFIX}`, () => {
  it("serves nothing at the root (the test server really uses the prefix)", async () => {
    expect(existsSync(join(out, "index.html"))).toBe(true);
    const res = await fetch(`${session.server.origin}/`);
    expect(res.status).toBe(404);
  });

  it("every link and asset reachable from the home page answers 200 under the sub-path", async () => {
    await withPage(async (page, guard) => {
      const queue = [PREFIX, `${PREFIX}404.html`];
      const seenPages = new Set(queue);
      const checked = new Map<string, number>(); // resource path → status
      const outside: string[] = [];
      const refs = async (from: string, urls: string[]) => {
        for (const url of urls) {
          const path = localPath(url);
          if (path === null) continue; // another host: may be linked, never requested (the guard checks)
          if (!path.startsWith(PREFIX)) {
            outside.push(`${from} → ${url}`);
            continue;
          }
          if (path.endsWith("/") || path.endsWith(".html")) {
            if (!seenPages.has(path)) {
              seenPages.add(path);
              queue.push(path);
            }
          } else if (!checked.has(path)) {
            const res = await page.request.get(path);
            checked.set(path, res.status());
            // stylesheets: their url()s, resolved against the stylesheet
            if (path.endsWith(".css") && res.ok()) {
              const css = await res.text();
              const inCss = [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!).filter((u) => !u.startsWith("#") && !u.startsWith("data:"));
              await refs(path, inCss.map((u) => new URL(u, `${session.server.origin}${path}`).href));
            }
          }
        }
      };
      while (queue.length > 0) {
        const path = queue.shift()!;
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        const found = await page.evaluate(() => {
          const abs = (v: string | null) => (v ? new URL(v, document.baseURI).href : null);
          const urls: (string | null)[] = [];
          for (const el of document.querySelectorAll("[href]")) urls.push(abs(el.getAttribute("href")));
          for (const el of document.querySelectorAll("[src]")) urls.push(abs(el.getAttribute("src")));
          for (const el of document.querySelectorAll("[srcset]"))
            for (const part of (el.getAttribute("srcset") ?? "").split(",")) urls.push(abs(part.trim().split(/\s+/)[0] ?? ""));
          for (const el of document.querySelectorAll("[data-pagefind]")) urls.push(abs(el.getAttribute("data-pagefind")));
          for (const el of document.querySelectorAll("form[action]")) urls.push(abs(el.getAttribute("action")));
          // url() in inline styles and <style> elements
          const styles = [...document.querySelectorAll("style")].map((s) => s.textContent ?? "").concat([...document.querySelectorAll("[style]")].map((e) => e.getAttribute("style") ?? ""));
          for (const css of styles) for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) if (!m[1]!.startsWith("#") && !m[1]!.startsWith("data:")) urls.push(abs(m[1]!));
          return urls.filter((u): u is string => !!u && /^https?:/.test(u)).map((u) => u.split("#")[0]!);
        });
        await refs(path, found);
      }
      expect(outside, `links or assets outside ${PREFIX}`).toEqual([]);
      const failed = [...checked].filter(([, status]) => status !== 200).map(([p, s]) => `${p}: ${s}`);
      expect(failed).toEqual([]);
      // it really crawled: sections, profiles, indicators, downloads, the stylesheet and the Pagefind script
      expect(seenPages.size).toBeGreaterThan(30);
      const files = [...checked.keys()];
      expect(files).toContain(`${PREFIX}pagefind/pagefind.js`);
      expect(files).toContain(`${PREFIX}data/figures.csv`);
      expect(files.some((f) => f.startsWith(`${PREFIX}_astro/`) && f.endsWith(".css"))).toBe(true);
      // everything the pages themselves requested (scripts, which Astro may inline, their imports,
      // styles, fetches) stayed under the prefix
      const strays = guard.requests.map(localPath).filter((p): p is string => p !== null && !p.startsWith(PREFIX));
      expect(strays).toEqual([]);
    });
  }, 120_000);

  it("search works and its results link under the sub-path", async () => {
    await withPage(async (page, guard) => {
      await page.goto(`${PREFIX}search/?q=${encodeURIComponent("王村镇")}`);
      await page.waitForFunction(() => /找到|没有找到/.test(document.getElementById("search-status")?.textContent ?? ""), undefined, { timeout: 15_000 });
      const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs).toContain(WANGCUN);
      for (const h of hrefs) expect(h.startsWith(PREFIX), h).toBe(true);
      // the index's own files were fetched under the prefix
      const pagefindRequests = guard.requests.map(localPath).filter((p) => p?.includes("/pagefind/"));
      expect(pagefindRequests.length).toBeGreaterThan(1);
      for (const p of pagefindRequests) expect(p!.startsWith(`${PREFIX}pagefind/`), p!).toBe(true);
      await page.locator(`#search-results a[href="${WANGCUN}"]`).first().click();
      await page.waitForURL(`**${WANGCUN}`);
      expect(await page.locator("h1").innerText()).toContain("王村镇");
    });
  });

  it("robots.txt and the sitemap name the site's addresses under the sub-path", async () => {
    const robots = await (await fetch(`${session.server.origin}${PREFIX}robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${SITE}${PREFIX}sitemap-index.xml`);
    const index = await fetch(`${session.server.origin}${PREFIX}sitemap-index.xml`);
    expect(index.status).toBe(200);
    const sitemaps = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs: string[] = [];
    for (const s of sitemaps) {
      expect(s.startsWith(`${SITE}${PREFIX}`), s).toBe(true);
      const res = await fetch(`${session.server.origin}${new URL(s).pathname}`);
      expect(res.status, s).toBe(200);
      locs.push(...[...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    expect(locs).toContain(`${SITE}${WANGCUN}`);
    expect(locs).not.toContain(`${SITE}${PREFIX}404/`);
    for (const l of locs) {
      expect(l.startsWith(`${SITE}${PREFIX}`), l).toBe(true);
      const res = await fetch(`${session.server.origin}${new URL(l).pathname}`);
      expect(res.status, l).toBe(200);
    }
  });
});
