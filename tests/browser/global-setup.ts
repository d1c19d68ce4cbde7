// Global setup of the "browser" vitest project: build the site once into dist/ before the browser
// tests run. Always builds (staleness checks over sources, data and config are easy to get wrong);
// SKIP_BUILD=1 reuses an existing dist/ when iterating on the tests themselves.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT } from "./server.ts";

export default function setup(): void {
  const index = join(DIST, "index.html");
  if (process.env.SKIP_BUILD === "1") {
    if (!existsSync(index)) throw new Error(`SKIP_BUILD=1 but ${index} does not exist: run \`npm run build\` first.`);
    return;
  }
  const started = Date.now();
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["run", "--silent", "build"], { cwd: ROOT, encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0 || !existsSync(index)) {
    const output = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.trim().split("\n").slice(-60).join("\n");
    throw new Error(`browser tests: \`npm run build\` failed (${r.error?.message ?? `exit ${r.status}`}):\n${output}`);
  }
  process.stdout.write(`browser tests: site built into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
