// Downloads that leave the site, in real Chromium against the built dist/ (issue #14): a chart's
// PNG and SVG (made in the browser, no request off the site), by mouse and by keyboard; the citation
// of charts and profiles; the data page's Excel, data package, README and zip; a profile's JSON.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { unzipSync } from "fflate";
import { PNG } from "pngjs";
import type { Download, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { FRAME, PNG_SCALE } from "../../src/lib/charts/standalone.ts";
import { browserSession } from "./session.ts";

const session = browserSession();
const CHART_PAGE = "/indicators/disputes_handled/";

async function openCharts(path = CHART_PAGE, javaScriptEnabled = true): Promise<Page> {
  const page = await session.newPage({ javaScriptEnabled, acceptDownloads: true });
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  return page;
}

async function download(page: Page, trigger: () => Promise<void>): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), trigger()]);
  const path = await d.path();
  return { d, bytes: readFileSync(path!) };
}

/** The first chart's title and its SVG's natural width. */
async function firstChart(page: Page): Promise<{ id: string; title: string; width: number }> {
  return page.locator("figure.chart").first().evaluate((f) => {
    const svg = f.querySelector(".chart-svg svg") as SVGSVGElement;
    return { id: f.id, title: f.querySelector(".chart-title")!.textContent!.trim(), width: svg.viewBox.baseVal.width };
  });
}

describe("chart downloads", () => {
  it("without JavaScript: the buttons stay hidden, the chart and its citation read as before", async () => {
    const page = await openCharts(CHART_PAGE, false);
    const fig = page.locator("figure.chart").first();
    await expect(fig.locator(".chart-svg svg").isVisible()).resolves.toBe(true);
    await expect(fig.locator("[data-chart-tools]").isHidden()).resolves.toBe(true);
    const cite = await fig.locator(".chart-cite").innerText();
    expect(cite).toMatch(/^引用：法治镇览“.+”，\/indicators\/disputes_handled\/#chart-[\w-]+，数据日期 \d{4}-\d{2}-\d{2}。$/);
  });

  it("下载图片 gives a PNG at 3× with the title, caption and source drawn in: decodes, right size, not blank", async () => {
    const page = await openCharts();
    const chart = await firstChart(page);
    const button = page.locator("figure.chart").first().getByRole("button", { name: "下载图片（PNG）" });
    const { d, bytes } = await download(page, () => button.click());
    expect(d.suggestedFilename()).toBe(`法治镇览-${chart.title.replace(/[\\/:*?"<>|\s]+/g, "_")}.png`);
    const png = PNG.sync.read(bytes);
    const width = Math.max(chart.width + 2 * FRAME.pad, FRAME.minWidth);
    expect(png.width).toBe(Math.ceil(width) * PNG_SCALE);
    // taller than the chart alone: title, caption and the notes are drawn above and below it
    expect(png.height).toBeGreaterThan(300 * PNG_SCALE);
    const colours = new Set<number>();
    let dark = 0;
    let darkTop = 0;
    let transparent = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
        if (a !== 255) transparent++;
        colours.add((r << 16) | (g << 8) | b);
        if (r + g + b < 200) {
          dark++;
          if (y < (FRAME.pad + FRAME.title.line) * PNG_SCALE) darkTop++;
        }
      }
    }
    expect(transparent).toBe(0); // on white
    expect(colours.size).toBeGreaterThan(20);
    expect(dark).toBeGreaterThan(1000);
    // the title is drawn in the top band (ink on white)
    expect(darkTop).toBeGreaterThan(200);
    await expect(page.locator("figure.chart").first().locator("[role=status]").innerText()).resolves.toBe("已生成 PNG 图片。");
  });

  it("下载 SVG by keyboard gives valid XML with the title, caption, citation and the chart", async () => {
    const page = await openCharts();
    const chart = await firstChart(page);
    const button = page.locator("figure.chart").first().getByRole("button", { name: "下载 SVG" });
    await button.focus();
    const { d, bytes } = await download(page, () => page.keyboard.press("Enter"));
    expect(d.suggestedFilename()).toMatch(/^法治镇览-.+\.svg$/);
    const text = bytes.toString("utf8");
    // parsed by the browser's XML parser: a parse error would give a <parsererror> document
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "image/svg+xml");
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName("parsererror").length > 0,
        root: root.localName,
        ns: root.namespaceURI,
        title: root.querySelector(":scope > title")?.textContent,
        texts: [...root.querySelectorAll(":scope > text")].map((t) => t.textContent ?? ""),
        nested: root.querySelectorAll("svg").length,
      };
    }, text);
    expect(parsed.error).toBe(false);
    expect(parsed).toMatchObject({ root: "svg", ns: "http://www.w3.org/2000/svg", title: chart.title, nested: 1 });
    const drawn = parsed.texts.join("");
    expect(drawn).toContain(chart.title.slice(0, 8));
    expect(drawn).toContain("数据来源");
    expect(drawn).toContain("数据日期");
    expect(drawn).toContain(`#${chart.id}`);
  });

  it("every chart of the home page has both buttons, reachable by Tab", async () => {
    const page = await openCharts("/");
    // charts behind a closed <details> (the small multiples over the years) show theirs when opened
    await page.locator("details").evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const charts = await page.locator("figure.chart").count();
    expect(charts).toBeGreaterThan(0);
    expect(await page.locator("figure.chart [data-chart-tools]:visible").count()).toBe(charts);
    // Tab from the first chart's citation reaches its PNG button, then its SVG button
    const first = page.locator("figure.chart").first();
    await first.locator(".chart-cite").evaluate((e) => {
      (e as HTMLElement).tabIndex = -1;
      (e as HTMLElement).focus();
    });
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("下载图片（PNG）");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("下载 SVG");
  });

  it.each(["/", CHART_PAGE, "/counties/140423/", "/townships/140423106-2024/", "/data/"])("axe finds no violations with the buttons shown (%s)", async (path) => {
    const page = await openCharts(path);
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`))).toEqual([]);
  });
});

describe("citations and the profile's data", () => {
  it("a profile says how to cite it and links its JSON, which holds its figures", async () => {
    const page = await openCharts("/townships/140423106-2024/");
    const cite = await page.locator(".citation").innerText();
    expect(cite).toMatch(/^《襄垣县王村镇关于2024年法治政府建设情况的报告》。转引自：法治镇览“王村镇 2024年法治政府建设指标”，\/townships\/140423106-2024\/，数据日期 \d{4}-\d{2}-\d{2}。$/);
    const link = page.getByRole("link", { name: "下载本页数据（JSON）" });
    const href = await link.getAttribute("href");
    expect(href).toBe("/data/townships/140423106-2024.json");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    const j = await res.json();
    expect(j.report.indicators.disputes_handled.value).toBe(152);
    expect(j.citation).toBe(cite);
  });
});

describe("the data page's downloads", () => {
  it("links figures.xlsx, the zip, datapackage.json and README.txt, and each is served", async () => {
    const page = await openCharts("/data/");
    const hrefs: Record<string, string> = {};
    for (const [name, key] of [["下载 figures.xlsx", "xlsx"], [/下载全部文件/, "zip"], ["datapackage.json", "pkg"], ["README.txt", "readme"]] as const) {
      hrefs[key] = (await page.getByRole("link", { name }).first().getAttribute("href"))!;
    }
    expect(hrefs).toEqual({ xlsx: "/data/figures.xlsx", zip: "/data/fazhi-zhenlan-data.zip", pkg: "/data/datapackage.json", readme: "/data/README.txt" });
    const xlsx = await page.request.get(hrefs.xlsx!);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
    const zip = unzipSync(new Uint8Array(await (await page.request.get(hrefs.zip!)).body()));
    const pkg = await (await page.request.get(hrefs.pkg!)).json();
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(pkg.resources.map((r: { path: string }) => `fazhi-zhenlan-data/${r.path}`)));
    expect(await (await page.request.get(hrefs.readme!)).text()).toContain("数据包");
    // the county page links its own workbook
    const county = await openCharts("/counties/140423/");
    const cx = await county.getByRole("link", { name: "Excel（140423.xlsx）" }).getAttribute("href");
    expect((await county.request.get(cx!)).status()).toBe(200);
  });
});
