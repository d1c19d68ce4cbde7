// The GitHub Pages workflow (.github/workflows/publish.yml), read as text (no YAML parser is a
// dependency): its triggers, that it tests before it builds and deploys, the Pages actions, the
// extraction cache, and pinned action versions.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const text = readFileSync(join(ROOT, ".github", "workflows", "publish.yml"), "utf8");
const lines = text.split("\n");

/** The lines of the block under `key:` found at `indent` spaces after line `from` (its deeper-indented lines). */
function block(key: string, indent = 0, from = 0): string[] {
  const head = `${" ".repeat(indent)}${key}:`;
  const start = lines.findIndex((l, i) => i >= from && (l === head || l.startsWith(`${head} `)));
  if (start < 0) throw new Error(`no "${key}:" at indent ${indent}`);
  const out: string[] = [lines[start]!];
  for (const l of lines.slice(start + 1)) {
    if (l.trim() === "" || l.trimStart().startsWith("#")) continue;
    if (l.length - l.trimStart().length <= indent) break;
    out.push(l);
  }
  return out;
}

/** The `- ` items of a steps list, each as its lines joined (comments dropped). */
function steps(job: string): string[] {
  const jobLines = block(job, 2, lines.indexOf("jobs:"));
  const start = jobLines.findIndex((l) => l.trim() === "steps:");
  const item = `${" ".repeat(jobLines[start]!.indexOf("steps:") + 2)}- `; // a step starts two spaces deeper
  const items: string[] = [];
  for (const l of jobLines.slice(start + 1)) {
    if (l.startsWith(item)) items.push(l.slice(item.length));
    else if (items.length > 0) items[items.length - 1] += `\n${l.trim()}`;
  }
  return items;
}

describe("publish workflow", () => {
  it("has the steps this test reads", () => {
    expect(steps("build").length).toBeGreaterThanOrEqual(8);
    expect(steps("deploy")).toHaveLength(1);
  });

  it("is plain YAML indentation (spaces only)", () => {
    expect(text).not.toMatch(/\t/);
    expect(text.startsWith("#") || text.startsWith("name:")).toBe(true);
  });

  it("runs on pushes to main that change the reports or the corrections, and by hand", () => {
    const on = block("on").join("\n");
    expect(on).toMatch(/^\s{2}push:$/m);
    expect(on).toMatch(/branches: \[main\]/);
    expect(on).toMatch(/^\s+- "data\/reports\/\*\*"$/m);
    expect(on).toMatch(/^\s+- "data\/corrections\.csv"$/m);
    expect(on).toMatch(/^\s{2}workflow_dispatch:/m);
    expect(on).not.toMatch(/pull_request/);
  });

  it("may deploy to Pages", () => {
    const perms = block("permissions").join("\n");
    expect(perms).toMatch(/pages: write/);
    expect(perms).toMatch(/id-token: write/);
    expect(perms).toMatch(/contents: read/);
  });

  it("installs, tests, then builds and uploads dist/", () => {
    const build = steps("build");
    const at = (re: RegExp) => build.findIndex((s) => re.test(s));
    const install = at(/run: npm ci\b/);
    const fonts = at(/apt-get install .*fonts-noto-cjk/);
    const test = at(/run: npm test$/m);
    const buildStep = at(/run: npm run build$/m);
    const upload = at(/uses: actions\/upload-pages-artifact@v\d+/);
    for (const [name, i] of Object.entries({ install, fonts, test, buildStep, upload })) expect(i, name).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(test);
    expect(fonts).toBeLessThan(test);
    expect(test).toBeLessThan(buildStep);
    expect(buildStep).toBeLessThan(upload);
    expect(build[upload]).toMatch(/path: dist$/m);
    // the browser tests get a Chromium binary
    expect(build[fonts]).toMatch(/CHROMIUM_PATH=/);
    // the deploy build follows where Pages serves the site (FZZL_BASE/FZZL_SITE, astro.config.mjs)
    expect(build[buildStep]).toMatch(/FZZL_BASE: .*steps\.pages\.outputs\.base_path/);
    expect(build[buildStep]).toMatch(/FZZL_SITE: .*steps\.pages\.outputs\.origin/);
    expect(at(/id: pages\nuses: actions\/configure-pages@v\d+/)).toBeGreaterThanOrEqual(0);
  });

  it("caches the extraction by the reports' content", () => {
    const cache = steps("build").find((s) => /uses: actions\/cache@v\d+/.test(s));
    expect(cache).toBeDefined();
    expect(cache).toMatch(/path: \.cache\/extract$/m);
    expect(cache).toMatch(/key: .*\$\{\{ hashFiles\('data\/reports\/\*\*'\) \}\}/);
    expect(cache).toMatch(/restore-keys: \|\n\S*extract-/);
  });

  it("deploys the uploaded site with deploy-pages after the build", () => {
    const deploy = block("deploy", 2, lines.indexOf("jobs:")).join("\n");
    expect(deploy).toMatch(/needs: build/);
    expect(deploy).toMatch(/name: github-pages/);
    expect(steps("deploy").some((s) => /uses: actions\/deploy-pages@v\d+/.test(s))).toBe(true);
  });

  it("pins every action to a major version", () => {
    const uses = [...text.matchAll(/uses: (\S+)/g)].map((m) => m[1]!);
    expect(uses.length).toBeGreaterThanOrEqual(6);
    for (const u of uses) expect(u, u).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});
