// Helpers for the browser tests: a static file server over dist/ (127.0.0.1, random free port),
// Chromium through playwright-core, and a request guard that fails a test when a page asks for
// anything but the local server (the site promises no CDN, web fonts or analytics).
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const DIST = join(ROOT, "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  origin: string;
  /** the sub-path the site is served under: "/" or e.g. "/fzzf/" */
  prefix: string;
  close(): Promise<void>;
}

/**
 * Serves `root` like a plain static host: index.html for directories, 404 for anything else.
 * With a `prefix` such as "/fzzf/" the files are served under that sub-path only (as a site built
 * with FZZL_BASE=/fzzf/ is hosted): /fzzf/x/ is root/x/index.html, and anything outside it is a 404.
 */
export async function startServer(root = DIST, prefix = "/"): Promise<StaticServer> {
  const base = resolve(root);
  if (!prefix.startsWith("/") || !prefix.endsWith("/")) throw new Error(`prefix must start and end with "/": ${prefix}`);
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed", { Allow: "GET, HEAD" });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      return send(400, "bad request");
    }
    // /fzzf (the prefix without its slash) → /fzzf/, like a directory
    if (prefix !== "/" && pathname === prefix.slice(0, -1)) return send(301, "moved", { Location: prefix });
    if (!pathname.startsWith(prefix)) return send(404, "not found");
    let file = resolve(base, `.${pathname.slice(prefix.length - 1)}`);
    if (file !== base && !file.startsWith(base + sep)) return send(404, "not found");
    let stat = existsSync(file) ? statSync(file) : null;
    if (stat?.isDirectory()) {
      // like most static hosts: /townships → /townships/ (the site uses trailingSlash: "always")
      if (!pathname.endsWith("/")) return send(301, "moved", { Location: `${pathname}/` });
      file = join(file, "index.html");
      stat = existsSync(file) ? statSync(file) : null;
    }
    if (!stat?.isFile()) return send(404, "not found");
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": String(stat.size),
      "Cache-Control": "no-store",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    prefix,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Flags measured to work with Debian's chromium on these machines (../shared/stack-notes.md). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches Chromium; throws (so the tests fail, never skip) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need Debian's chromium and fonts-noto-cjk ` +
        `(apt-get install chromium fonts-noto-cjk, as .ci/run does), or CHROMIUM_PATH set to a Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface GuardedContext {
  context: BrowserContext;
  /** every URL the pages of this context requested, in order */
  requests: string[];
  /** the requests that went (or tried to go) anywhere but the local server; aborted */
  offsite: string[];
  /** Content-Security-Policy violations the pages reported ("script-src-elem inline at /path/") */
  cspViolations: string[];
}

/**
 * A browser context whose pages may only talk to `origin`: every request is recorded, and any
 * request elsewhere is aborted and listed in `offsite` (assert it is empty with `expectLocalOnly`).
 */
export async function guardedContext(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<GuardedContext> {
  const context = await browser.newContext({ baseURL: origin, ...options });
  const requests: string[] = [];
  const offsite: string[] = [];
  const local = (url: string) => url === origin || url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank";
  context.on("request", (req) => {
    const url = req.url();
    requests.push(url);
    if (!local(url) && !offsite.includes(url)) offsite.push(url);
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    if (!offsite.includes(url)) offsite.push(url);
    return route.abort("blockedbyclient");
  });
  // every securitypolicyviolation event of every page (the binding and init script are the
  // browser's own, outside the page's policy)
  const cspViolations: string[] = [];
  await context.exposeBinding("__fzzlCspViolation", (_source, text: string) => void cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __fzzlCspViolation?: (t: string) => void }).__fzzlCspViolation;
      report?.(`${e.effectiveDirective} ${e.blockedURI || "inline"} at ${location.pathname}${e.sample ? `: ${e.sample}` : ""}`);
    });
  });
  return { context, requests, offsite, cspViolations };
}

/** A readable failure listing the Content-Security-Policy violations. */
export function cspMessage(g: GuardedContext): string {
  return `the Content-Security-Policy refused:\n  ${g.cspViolations.join("\n  ")}`;
}

/** A readable failure listing the off-site requests. */
export function offsiteMessage(g: GuardedContext): string {
  return `requests left the local server:\n  ${g.offsite.join("\n  ")}`;
}

/** One page of each type the site has (the profile, indicator, province and county are seeds'). */
export const PAGE_TYPES = [
  { name: "home", path: "/" },
  { name: "townships", path: "/townships/" },
  { name: "profile", path: "/townships/140423106-2024/" },
  { name: "indicators", path: "/indicators/" },
  { name: "indicator", path: "/indicators/disputes_handled/" },
  { name: "compare", path: "/compare/" },
  { name: "province", path: "/provinces/14/" },
  { name: "county", path: "/counties/140423/" },
  { name: "county table", path: "/counties/140423/table/" },
  { name: "data", path: "/data/" },
  { name: "method", path: "/method/" },
  { name: "quality", path: "/quality/" },
  { name: "review", path: "/review/" },
  { name: "search", path: "/search/" },
  { name: "404", path: "/404.html" },
] as const;
