// Sites of synthetic reports (scripts/bench/generate-corpus.ts) that browser tests build for
// themselves under tmp/ (Astro's build removes .astro/ when --outDir is outside the project; tmp/ is
// git-ignored), and the page-size check every such site must pass.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { expect } from "vitest";
import { generatedSchema, type SiteReport } from "../../src/lib/site/schema.ts";
import { ROOT } from "./server.ts";

export const PAGE_LIMIT = 200 * 1024;
export const PROFILE_GZIP_LIMIT = 30 * 1024;

/** Runs a tool of node_modules/.bin without blocking the test worker (a build takes a minute). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(join(ROOT, "node_modules", ".bin", cmd), args, { cwd: ROOT, env, encoding: "utf8", timeout: 240_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${what} failed (${error.message.split("\n")[0]}):\n${`${stdout}\n${stderr}`.split("\n").slice(-40).join("\n")}`));
      else resolve();
    });
  });
}

export interface SyntheticSite {
  /** the scratch folder (remove with removeScratch) */
  tmp: string;
  dist: string;
  reports: SiteReport[];
}

/**
 * Generates `n` synthetic reports (`generator`: more arguments of generate-corpus.ts, such as
 * --within 130283 --years 2021-2025), adds `extra` files, extracts them and builds the site with its
 * search index, with `env` on top (limits, FZZL_TODAY).
 */
export async function buildSyntheticSite(name: string, n: number, o: { generator?: string[]; extra?: Record<string, string>; env?: Record<string, string> } = {}): Promise<SyntheticSite> {
  mkdirSync(join(ROOT, "tmp"), { recursive: true });
  const tmp = mkdtempSync(join(ROOT, "tmp", `${name}-`));
  const corpus = join(tmp, "corpus");
  await run("tsx", ["scripts/bench/generate-corpus.ts", "--n", String(n), ...(o.generator ?? []), "--out", corpus], process.env, "generating the synthetic corpus");
  for (const [file, text] of Object.entries(o.extra ?? {})) writeFileSync(join(corpus, "reports", file), text);
  const out = join(tmp, "reports.json");
  const env = {
    ...process.env,
    FZZL_REPORTS_DIR: join(corpus, "reports"),
    FZZL_OUT: out,
    FZZL_CORRECTIONS: join(tmp, "no-corrections.csv"),
    FZZL_TOWNSHIPS: join(tmp, "no-townships.csv"),
    ...o.env,
  };
  await run("tsx", ["scripts/extract.ts"], env, "extracting the synthetic corpus");
  const reports = generatedSchema.parse(JSON.parse(readFileSync(out, "utf8"))).reports;
  await run("astro", ["build", "--outDir", join(tmp, "dist")], env, "astro build of the synthetic site");
  // the search index as `npm run build` makes it
  await run("tsx", ["scripts/search-index.ts", join(tmp, "dist")], env, "the search index of the synthetic site");
  return { tmp, dist: join(tmp, "dist"), reports };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : []));
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Every page under 200 KB and every profile under 30 KB gzipped; prints the largest page of each type
 * and the profiles' gzipped sizes, under `label`.
 */
export function expectPageSizes(dist: string, reports: readonly SiteReport[], label: string): void {
  const files = htmlFiles(dist).map((f) => ({ path: relative(dist, f), size: statSync(f).size }));
  const byType = new Map<string, { path: string; size: number }[]>();
  for (const f of files) {
    const type = f.path.replace(/\/index\.html$|\.html$/, "").replace(/^(townships|counties|cities|provinces)\/[^/]+/, "$1/*").replace(/^indicators\/[a-z_]+/, "indicators/*").replace(/\/\d{4}$/, "/YEAR");
    byType.set(type, [...(byType.get(type) ?? []), f]);
  }
  const lines = [...byType].map(([type, fs]) => {
    const max = fs.reduce((a, b) => (b.size > a.size ? b : a));
    return `${type.padEnd(24)} ${String(fs.length).padStart(4)} page(s), largest ${kb(max.size).padStart(9)} (${max.path})`;
  });
  const profiles = files.filter((f) => /^townships\/[^/]+\/index\.html$/.test(f.path)).map((f) => ({ ...f, gzip: gzipSync(readFileSync(join(dist, f.path))).length }));
  const gz = profiles.map((p) => p.gzip).sort((a, b) => a - b);
  lines.push(`profiles gzip: median ${kb(gz[Math.floor(gz.length / 2)] ?? 0)}, largest ${kb(gz[gz.length - 1] ?? 0)}`);
  process.stdout.write(`page sizes of ${label}:\n  ${lines.join("\n  ")}\n`);
  expect(profiles.length).toBe(reports.filter((r) => r.textKey).length);
  for (const f of files) expect(f.size, f.path).toBeLessThanOrEqual(PAGE_LIMIT);
  for (const p of profiles) expect(p.gzip, `${p.path} gzipped`).toBeLessThanOrEqual(PROFILE_GZIP_LIMIT);
}
