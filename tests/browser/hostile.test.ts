// Hostile reports (tests/fixtures/hostile/, described in tests/fixtures/hostile.md) built into a
// site of their own and opened in Chromium: markup in a report is shown as text and never runs,
// odd file names, empty and binary files and a duplicate do not cost any other report its page,
// the 数据质量 page lists every problem, and a hand correction is marked on the profile.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatFigure } from "../../src/lib/site/format.ts";
import { indicatorSpec } from "../../src/lib/extract/indicators.ts";
import { generatedSchema, type SiteReport } from "../../src/lib/site/schema.ts";
import { ROOT } from "./server.ts";
import { browserSession, removeScratch } from "./session.ts";

const FIXTURES = join(ROOT, "tests", "fixtures", "hostile");
const PAYLOAD = "<script>window.__pwned=1</script>";
const WANGQIAO_FILE = "王桥镇 2024年 法治报告（最终版） 副本.txt";
const CORRECTIONS = [
  "code,township,year,indicator,value,qualifier,reason,who,date",
  `,王桥镇,2024,training_sessions,6,,"原文“5场”漏计1场<script>window.__pwned=1</script>",张三 <img src=x onerror=window.__pwned=1>,2025-03-01`,
  ",古龙镇,2024,mediators,12,,见镇人民调解委员会名册,李四,2025-03-02",
].join("\n");

// Astro's build removes .astro/ when --outDir is outside the project: build inside it (tmp/ is git-ignored)
let tmp = "";
let reports: SiteReport[] = [];
let extractRun: { status: number | null; stderr: string };
function buildHostileSite(): string {
  mkdirSync(join(ROOT, "tmp"), { recursive: true });
  tmp = mkdtempSync(join(ROOT, "tmp", "hostile-"));
  const out = join(tmp, "reports.json");
  const csv = join(tmp, "corrections.csv");
  writeFileSync(csv, CORRECTIONS);
  const env = { ...process.env, FZZL_REPORTS_DIR: FIXTURES, FZZL_OUT: out, FZZL_CORRECTIONS: csv };
  const x = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/extract.ts"], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
  extractRun = { status: x.status, stderr: x.stderr };
  reports = generatedSchema.parse(JSON.parse(readFileSync(out, "utf8"))).reports;
  const b = spawnSync(join(ROOT, "node_modules", ".bin", "astro"), ["build", "--outDir", join(tmp, "dist")], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (b.status !== 0) throw new Error(`astro build of the hostile site failed (${b.error?.message ?? `exit ${b.status}`}):\n${`${b.stdout}\n${b.stderr}`.split("\n").slice(-40).join("\n")}`);
  return join(tmp, "dist");
}

const session = browserSession({
  prepare: buildHostileSite,
  timeout: 240_000,
  cleanup: () => removeScratch(tmp),
});

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const page = await session.newPage(options);
  page.on("dialog", (d) => void d.dismiss());
  return page;
}

async function visit(page: Page, path: string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), `status of ${path}`).toBe(200);
}

const byFile = (name: string) => reports.find((r) => r.file === `tests/fixtures/hostile/${name}`)!;
const profile = (name: string) => `/townships/${encodeURIComponent(byFile(name).id)}/`;

/** Nothing of the payloads ran or became markup on this page. */
async function expectInert(page: Page): Promise<void> {
  // a little time for anything (onerror of an image, onload of an svg) that would fire
  await page.waitForLoadState("load");
  await page.waitForTimeout(50);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), "window.__pwned").toBeUndefined();
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    for (const s of Array.from(document.scripts)) if ((s.textContent ?? "").includes("__pwned")) bad.push("a <script> with __pwned");
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) bad.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
        if (/^\s*javascript:/i.test(a.value)) bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
      }
    }
    if (document.querySelector('img[src="x"], svg[onload]')) bad.push("an injected <img> or <svg>");
    return bad;
  });
  expect(found).toEqual([]);
}

describe("the hostile folder", () => {
  it("is extracted with errors for the empty, binary and duplicate files, and warnings printed", () => {
    expect(extractRun.status).toBe(1);
    expect(extractRun.stderr).toContain("tests/fixtures/hostile/empty.txt: empty input");
    expect(extractRun.stderr).toContain("tests/fixtures/hostile/scan image.txt: binary data");
    expect(extractRun.stderr).toContain("tests/fixtures/hostile/guhan-again.txt and tests/fixtures/hostile/guhan-script.txt both report 古韩镇 2024");
    expect(extractRun.stderr).toContain(`warning: tests/fixtures/hostile/${WANGQIAO_FILE}: disputes_resolved 48 exceeds disputes_handled 40`);
    expect(extractRun.stderr).toMatch(/2 correction\(s\) applied/);
    expect(reports).toHaveLength(6);
  });
});

describe("markup in a report", () => {
  it("is shown as text on the profile and never runs", async () => {
    const page = await newPage();
    await visit(page, profile("guhan-script.txt"));
    await expectInert(page);
    // the full text shows the tags as the report has them
    const text = await page.locator(".report-text").innerText();
    expect(text).toContain(`${PAYLOAD}古韩镇2024年法治政府建设情况报告`);
    expect(text).toContain("[法治宣传专栏](javascript:window.__pwned=1)");
    // so do the evidence quote next to a figure and the problems section
    expect(await page.locator("#i-disputes_handled .evidence a").first().innerText()).toContain("86件<script>window._");
    expect(await page.locator("#problems ~ section").first().innerText()).toContain(`${PAYLOAD}法治宣传形式单一`);
    expect(await page.locator("#i-disputes_handled > strong").innerText()).toBe("86 件");
  });

  it("in attributes or a javascript: link is text too, on a report with an odd file name", async () => {
    const page = await newPage();
    await visit(page, profile(WANGQIAO_FILE));
    await expectInert(page);
    const text = await page.locator(".report-text").innerText();
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(text).toContain('<a href="javascript:window.__pwned=1">点击查看</a>');
    expect(text).toContain(`"><svg onload="window.__pwned=1"> ' onmouseover='window.__pwned=1`);
    expect(await page.locator("p.muted", { hasText: "来源文件" }).innerText()).toBe(`来源文件：tests/fixtures/hostile/${WANGQIAO_FILE}`);
    // hovering and clicking around the text triggers nothing either
    await page.locator(".report-text").hover();
    await page.locator(".report-text").click();
    await expectInert(page);
  });

  it("every page of the site stays inert", async () => {
    const page = await newPage();
    const queue = ["/"];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const path = queue.shift()!;
      await visit(page, path);
      await expectInert(page);
      for (const href of await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href))) {
        const url = new URL(href);
        if (url.origin !== session.server.origin || seen.has(url.pathname) || !url.pathname.endsWith("/")) continue;
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
    }
    expect(seen.has("/quality/")).toBe(true);
    for (const r of reports.filter((r) => r.township)) expect(seen.has(new URL(`/townships/${r.id}/`, session.server.origin).pathname), r.file).toBe(true);
  });
});

describe("no report is lost", () => {
  it("every readable report has its profile with all its figures; the townships list has them all", async () => {
    const page = await newPage();
    const readable = reports.filter((r) => r.textKey !== null);
    expect(readable.map((r) => r.file.split("/").pop()).sort()).toEqual(["guhan-again.txt", "guhan-script.txt", "gulong-2024.txt", WANGQIAO_FILE].sort());
    for (const r of readable) {
      await visit(page, `/townships/${encodeURIComponent(r.id)}/`);
      for (const [id, t] of Object.entries(r.indicators)) {
        expect((await page.locator(`#i-${id} > strong`).innerText()).trim(), `${r.file} ${id}`).toBe(formatFigure(t.value, t.qualifier, indicatorSpec(id)?.unit ?? ""));
      }
    }
    await visit(page, "/townships/");
    const list = await page.locator("main").innerText();
    for (const name of ["古韩镇", "古龙镇", "王桥镇"]) expect(list).toContain(name);
    expect(await page.locator("main a[href^='/townships/']").count()).toBe(4);
  });

  it("unreadable files have no profile", async () => {
    const page = await newPage();
    for (const name of ["empty.txt", "scan image.txt"]) {
      const res = await page.goto(`/townships/${encodeURIComponent(byFile(name).id)}/`);
      expect(res?.status(), name).toBe(404);
    }
  });
});

describe("the 数据质量 page", () => {
  it("lists the empty and binary files, the duplicate and the contradiction, with links to profiles", async () => {
    const page = await newPage();
    await visit(page, "/");
    await page.locator("header nav a", { hasText: "数据质量" }).click();
    await page.waitForURL("**/quality/");
    await expectInert(page);
    const errors = page.locator("#errors + ul.quality");
    const emptyItem = errors.locator("> li", { hasText: "tests/fixtures/hostile/empty.txt" });
    expect(await emptyItem.innerText()).toMatch(/无法读取\s*empty input: the file has 0 bytes/);
    expect(await emptyItem.locator("a").count(), "no profile to link").toBe(0);
    const binItem = errors.locator("> li", { hasText: "tests/fixtures/hostile/scan image.txt" });
    expect(await binItem.innerText()).toMatch(/无法读取\s*binary data/);
    for (const f of ["guhan-again.txt", "guhan-script.txt"]) {
      const item = errors.locator("> li", { hasText: `文件：tests/fixtures/hostile/${f}` });
      expect(await item.innerText()).toMatch(/重复报告\s*tests\/fixtures\/hostile\/guhan-again\.txt and tests\/fixtures\/hostile\/guhan-script\.txt both report 古韩镇 2024/);
      expect(await item.locator("a").getAttribute("href")).toBe(`/townships/${byFile(f).id}/`);
    }
    const warn = page.locator("#warnings + ul.quality > li", { hasText: WANGQIAO_FILE });
    expect(await warn.innerText()).toMatch(/数字矛盾\s*disputes_resolved 48 exceeds disputes_handled 40/);
    await warn.locator("a").click();
    await page.waitForURL(`**${profile(WANGQIAO_FILE)}`);
    expect(await page.locator("h1").innerText()).toBe("王桥镇 2024年");
  });

  it("lists the corrections; the profile marks a corrected figure 人工校正 with reason, who, date and the value read", async () => {
    const page = await newPage();
    await visit(page, "/quality/");
    const rows = page.locator("#corrections-table tbody tr");
    expect(await rows.count()).toBe(2);
    const wq = rows.filter({ hasText: "王桥镇" });
    expect((await wq.innerText()).replace(/\s+/g, " ")).toContain(`法治培训场次 人工校正 6 次 5 次 原文“5场”漏计1场${PAYLOAD} 张三 <img src=x onerror=window.__pwned=1> 2025-03-01`);
    const gl = rows.filter({ hasText: "古龙镇" });
    expect((await gl.innerText()).replace(/\s+/g, " ")).toContain("12 名 未读到 见镇人民调解委员会名册 李四 2025-03-02");

    await visit(page, profile(WANGQIAO_FILE));
    await expectInert(page);
    const item = page.locator("#i-training_sessions");
    expect(await item.locator("> strong").innerText()).toBe("6 次");
    expect(await item.locator(".tag.corrected").innerText()).toBe("人工校正");
    expect((await item.locator(".correction").innerText()).replace(/\s+/g, " ")).toBe(
      `人工校正：原文“5场”漏计1场${PAYLOAD}（张三 <img src=x onerror=window.__pwned=1>，2025-03-01）。程序读取：5 次`,
    );
    // the evidence of what was read stays
    expect(await item.locator(".evidence a").count()).toBe(1);

    await visit(page, profile("gulong-2024.txt"));
    const added = page.locator("#i-mediators");
    expect(await added.locator("> strong").innerText()).toBe("12 名");
    expect(await added.locator(".correction").innerText()).toContain("程序读取：未读到（人工补录）");
    expect(await added.locator(".evidence a").count()).toBe(0);
  });
});

describe("accessibility of what only this site has", () => {
  it.each([
    { name: "数据质量 with errors, warnings and corrections", path: "/quality/" },
    { name: "a profile with corrected figures", path: "/townships/140423101-2024/" },
    { name: "a profile with an added figure", path: "/townships/500111120-2024/" },
  ])("axe finds no violations: $name", async ({ path }) => {
    const page = await newPage();
    await visit(page, path);
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(" ")}`))).toEqual([]);
  });

  it("no page of this site scrolls sideways at 320 px", async () => {
    const page = await newPage({ viewport: { width: 320, height: 640 } });
    for (const path of ["/quality/", profile(WANGQIAO_FILE), profile("gulong-2024.txt")]) {
      await visit(page, path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(321);
    }
  });
});
