// Two builds of the same data give byte-identical output: the site built again into a folder of
// its own must equal dist/ (built by the global setup) file for file, byte for byte.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
// inside the project: Astro removes .astro/ when --outDir lies outside it (tmp/ is git-ignored)
mkdirSync(join(ROOT, "tmp"), { recursive: true });
const out = mkdtempSync(join(ROOT, "tmp", "repro-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function files(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else m.set(relative(dir, p), createHash("sha1").update(readFileSync(p)).digest("hex"));
    }
  };
  walk(dir);
  return m;
}

it("a second build of the same data is byte-identical to dist/", () => {
  // the steps of `npm run build` after extraction (the data is the global setup's), into `out`
  const env = { ...process.env };
  for (const k of ["BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "TEST"]) delete env[k];
  const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
  for (const [cmd, args] of [[bin("astro"), ["build", "--outDir", join(out, "dist")]], [bin("tsx"), ["scripts/search-index.ts", join(out, "dist")]]] as const) {
    const r = spawnSync(cmd, [...args], { cwd: ROOT, encoding: "utf8", env, timeout: 240_000 });
    expect(r.status, `${cmd} ${args.join(" ")}\n${r.stderr}`).toBe(0);
  }
  const a = files(join(ROOT, "dist"));
  const b = files(join(out, "dist"));
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  const differ = [...a].filter(([k, h]) => b.get(k) !== h).map(([k]) => k);
  expect(differ).toEqual([]);
}, 300_000);
