// Every page of the built site (each index.html under dist/ and 404.html), in real Chromium: no
// English sentence in what a visitor meets (text, title, labels, alternative texts), no request
// that fails (favicon included), no Content-Security-Policy violation (the session checks that
// after each test), a policy that allows only the site's own scripts, styles and images on every
// page, and an inline script injected into a page refused.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { englishRuns } from "../englishRuns.ts";
import { DIST } from "./server.ts";
import { browserSession } from "./session.ts";

const session = browserSession();

/** The site's pages as URL paths: /x/y/ for dist/x/y/index.html, and /404.html. */
function sitePages(dir = DIST): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (full !== join(DIST, "pagefind") && full !== join(DIST, "_astro")) out.push(...sitePages(full));
    } else if (e.name.endsWith(".html")) {
      const rel = relative(DIST, full).split(sep).join("/");
      out.push(rel === "index.html" ? "/" : rel.endsWith("/index.html") ? `/${rel.slice(0, -"index.html".length)}` : `/${rel}`);
    }
  }
  return out.sort();
}

const PAGES = sitePages();

describe("every page", () => {
  it("the crawl covers the site", () => {
    expect(PAGES).toContain("/");
    expect(PAGES).toContain("/404.html");
    expect(PAGES).toContain("/method/");
    expect(PAGES.filter((p) => p.startsWith("/indicators/")).length).toBeGreaterThanOrEqual(26);
  });

  it("shows no English sentence, requests nothing that fails, and keeps to its policy", async () => {
    const { page, guard } = await session.newGuardedPage();
    const failed: string[] = [];
    page.on("requestfailed", (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.url()} (${r.status()})`);
    });
    const english: string[] = [];
    for (const path of PAGES) {
      // networkidle: the search page loads its index after "load"; leaving earlier would abort it
      const res = await page.goto(path, { waitUntil: "networkidle" });
      expect(res?.status(), path).toBe(200);
      // what a visitor sees or hears: the rendered text, the title, labels and alternative texts
      // (not the labels of Plot's groups inside a chart: a role="img" is read by its title and desc)
      const texts = await page.evaluate(() => [
        document.title,
        document.body.innerText,
        ...Array.from(document.querySelectorAll("[aria-label], [title], [alt], [placeholder]"))
          .filter((el) => !el.closest('svg[role="img"]'))
          .flatMap((el) => ["aria-label", "title", "alt", "placeholder"].map((a) => el.getAttribute(a) ?? "")),
        ...Array.from(document.querySelectorAll("svg title, svg desc")).map((el) => el.textContent ?? ""),
      ]);
      for (const run of new Set(texts.flatMap((t) => englishRuns(t)))) english.push(`${path}: “${run}”`);
      const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute("content");
      expect(meta, `${path} has a Content-Security-Policy`).toBeTruthy();
    }
    expect(english, "English on pages a visitor meets").toEqual([]);
    expect(failed, "failed requests").toEqual([]);
    expect(guard.requests.some((u) => u.endsWith("/favicon.svg")), "the favicon is requested").toBe(true);
  }, 240_000);
});

describe("Content-Security-Policy", () => {
  const policies = PAGES.map((p) => {
    const file = p === "/" ? "index.html" : p.endsWith("/") ? `${p.slice(1)}index.html` : p.slice(1);
    const html = readFileSync(join(DIST, file), "utf8");
    const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? "";
    const directives = new Map(
      content
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );
    return { path: p, html, directives };
  });

  it("every page allows only its own scripts, styles and images, and no inline code but hashed", () => {
    for (const { path, html, directives } of policies) {
      expect(directives.get("default-src"), path).toEqual(["'self'"]);
      expect(directives.get("object-src"), path).toEqual(["'none'"]);
      expect(directives.get("base-uri"), path).toEqual(["'self'"]);
      for (const name of ["script-src", "style-src", "img-src", "connect-src", "font-src"]) {
        const values = directives.get(name) ?? [];
        expect(values, `${path} ${name}`).toContain("'self'");
        // nothing from another host, no unsafe-inline / unsafe-eval
        const allowed = name === "img-src" ? /^'self'$|^data:$|^blob:$/ : /^'(self|sha256-[A-Za-z0-9+/=]+|wasm-unsafe-eval)'$|^data:$/;
        for (const v of values) expect(v, `${path} ${name}`).toMatch(allowed);
      }
      // only the search page compiles WebAssembly (Pagefind)
      expect((directives.get("script-src") ?? []).includes("'wasm-unsafe-eval'"), path).toBe(path === "/search/");
      // the policy comes before every script of the page (a <meta> policy covers only what follows it)
      expect(html.indexOf("content-security-policy"), path).toBeLessThan(html.indexOf("<script"));
      expect(html, `${path}: inline style attributes need 'unsafe-inline'`).not.toMatch(/<[^>]+\sstyle="/);
    }
  });

  it("refuses an inline script injected into a page", async () => {
    const { page, guard } = await session.newGuardedPage();
    await page.goto("/");
    const ran = await page.evaluate(async () => {
      const s = document.createElement("script");
      s.textContent = "window.__injected = true;";
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => guard.cspViolations.length).toBeGreaterThan(0);
    expect(guard.cspViolations).toEqual(["script-src-elem inline at /"]);
    guard.cspViolations.length = 0; // expected here; the session checks the rest
  });

  it("refuses an inline event handler and a script from another host", async () => {
    const { page, guard } = await session.newGuardedPage();
    await page.goto("/method/");
    const ran = await page.evaluate(async () => {
      const img = document.createElement("img");
      img.setAttribute("onerror", "window.__handler = true");
      img.src = "data:,";
      document.body.append(img);
      const s = document.createElement("script");
      s.src = "https://example.org/x.js";
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __handler?: boolean }).__handler === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => guard.cspViolations.length).toBeGreaterThanOrEqual(2);
    expect(guard.cspViolations.join("\n")).toContain("script-src-attr inline at /method/");
    expect(guard.cspViolations.join("\n")).toContain("script-src-elem https://example.org/x.js at /method/");
    // expected here; the session checks the rest (the guard also aborts the request itself)
    guard.cspViolations.length = 0;
    guard.offsite.length = 0;
  });
});
