// The search page in real Chromium: Pagefind's index (built by `npm run build`) finds two-character
// Chinese words and township names, results link to the right pages, no request leaves the local
// server, axe finds nothing with results shown, and without JavaScript the page explains itself
// and links to the lists.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSession, searchSite } from "./session.ts";

const WANGCUN = "/townships/140423106-2024/"; // 王村镇 2024

const { newPage } = browserSession();
const search = (page: Page, query: string) => searchSite(page, query);

describe("search", () => {
  it("the navigation links to the search page", async () => {
    const page = await newPage();
    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "搜索" }).click();
    await page.waitForURL("**/search/");
    expect(await page.locator("h1").innerText()).toBe("搜索");
  });

  it.each(["调解", "王村镇"])("“%s” finds the 王村镇 profile", async (q) => {
    const page = await newPage();
    const { status, results } = await search(page, q);
    expect(status).toMatch(/^找到 \d+ 个/);
    expect(results.map((r) => r.href)).toContain(WANGCUN);
    const hit = results.find((r) => r.href === WANGCUN)!;
    expect(hit.title).toContain("王村镇");
    expect(hit.excerpt.length).toBeGreaterThan(0);
    // the matched words are highlighted in the excerpt
    expect(await page.locator("#search-results mark").count()).toBeGreaterThan(0);
  });

  it("“执法” finds profiles and the enforcement indicator page", async () => {
    const page = await newPage();
    const { results } = await search(page, "执法");
    const hrefs = results.map((r) => r.href);
    expect(hrefs.some((h) => h.startsWith("/townships/"))).toBe(true);
    expect(hrefs).toContain("/indicators/enforcement_cases/");
  });

  it("a township name puts its profile first", async () => {
    const page = await newPage();
    const { results } = await search(page, "王村镇");
    expect(results[0]?.href).toBe(WANGCUN);
  });

  it("a word found nowhere says so in Chinese", async () => {
    const page = await newPage();
    const { status, results } = await search(page, "火星殖民");
    expect(status).toContain("没有找到");
    expect(results).toEqual([]);
  });

  it("a result link opens the profile", async () => {
    const page = await newPage();
    await search(page, "王村镇");
    await page.locator(`#search-results a[href$="${WANGCUN}"]`).first().click();
    await page.waitForURL(`**${WANGCUN}`);
    expect(await page.locator("h1").innerText()).toContain("王村镇");
  });

  it("?q= in the address runs the search", async () => {
    const page = await newPage();
    await page.goto(`/search/?q=${encodeURIComponent("调解")}`);
    await page.waitForFunction(() => /找到/.test(document.getElementById("search-status")?.textContent ?? ""));
    expect(await page.getByLabel("搜索乡镇名称、指标或报告原文").inputValue()).toBe("调解");
  });

  it("axe finds no violations with results shown", async () => {
    const page = await newPage();
    const { results } = await search(page, "调解");
    expect(results.length).toBeGreaterThan(0);
    const r = await new AxeBuilder({ page }).analyze();
    const lines = r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(" ")}`));
    expect(lines).toEqual([]);
  });

  it("without JavaScript the page explains and links to the township list", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const res = await page.goto("/search/");
    expect(res?.status()).toBe(200);
    expect(await page.locator("#search-unavailable").innerText()).toContain("JavaScript");
    expect(await page.locator("#search-form").isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: "乡镇（街道）列表" }).getAttribute("href")).toBe("/townships/");
  });
});
