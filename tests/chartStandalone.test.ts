// A chart as a file of its own (src/lib/charts/standalone.ts): the frame with title, summary, source
// and citation around the chart's SVG; line breaking of Chinese text; file names. The browser test
// (tests/browser/exports.test.ts) downloads the real files and parses them.
import { describe, expect, it } from "vitest";
import { FRAME, chartFileName, escapeXml, standaloneSvg, wrapText } from "../src/lib/charts/standalone.ts";
import { textWidth } from "../src/lib/charts/theme.ts";

describe("wrapText", () => {
  // [text, width, size, lines]
  const cases: [string, number, number, string[]][] = [
    ["短标题", 400, 18, ["短标题"]],
    ["一二三四五六七八九十", 50, 10, ["一二三四五", "六七八九十"]],
    // a number moves down whole rather than being cut
    ["最少为王村镇152件", 70, 10, ["最少为王村镇", "152件"]],
    // closing punctuation stays on the line it closes, even a little over the width
    ["一二三四五。六七", 50, 10, ["一二三四五。", "六七"]],
    // an opening bracket moves down with what it opens
    ["一二三四（五六）", 50, 10, ["一二三四", "（五六）"]],
    // a URL longer than a line is cut
    ["/a/very/long/path/indeed", 60, 10, ["/a/very/l", "ong/path/", "indeed"]],
    ["", 100, 10, []],
  ];
  it.each(cases)("%j at %i px, %i px text", (text, width, size, lines) => {
    expect(wrapText(text, width, size)).toEqual(lines);
  });
  it("keeps every character, in order", () => {
    const t = "3 个乡镇（街道）报告了此项。最多为蒲场镇（289 件），最少为王村镇（152 件）；1 个未报告：古龙镇。/indicators/disputes_handled/#chart-2024";
    const lines = wrapText(t, 200, 13);
    expect(lines.join("").replace(/\s/g, "")).toBe(t.replace(/\s/g, ""));
    for (const l of lines) expect(textWidth(l.slice(0, -1), 13)).toBeLessThanOrEqual(200);
  });
});

describe("standaloneSvg", () => {
  const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="240" viewBox="0 0 400 240"><rect width="10" height="10"/></svg>';
  const parts = { chart, width: 400, height: 240, title: "标题 <A&B>", caption: "说明一句。", source: "数据来源：报告。", citation: "法治镇览“标题”，/x/#c，数据日期 2026-11-21。" };

  it("frames the chart with its title, summary, source and citation as text, on white", () => {
    const { svg, width, height } = standaloneSvg(parts);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(width).toBe(Math.max(400 + 2 * FRAME.pad, FRAME.minWidth));
    expect(height).toBeGreaterThan(240 + 2 * FRAME.pad + FRAME.title.line);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    expect(svg).toContain(`<title>${escapeXml(parts.title)}</title>`);
    expect(svg).toContain("标题 &lt;A&amp;B&gt;");
    expect(svg).not.toContain("<A&B>");
    for (const t of ["说明一句。", "数据来源：报告。", "数据日期 2026-11-21。"]) expect(svg).toContain(t);
    expect(svg).toContain(chart);
    expect(svg).toContain('fill="#ffffff"');
  });

  it("scales the image, not the drawing, for the PNG", () => {
    const one = standaloneSvg(parts);
    const three = standaloneSvg(parts, 3);
    expect(three.svg).toContain(`width="${one.width * 3}" height="${one.height * 3}" viewBox="0 0 ${one.width} ${one.height}"`);
  });
});

describe("chartFileName", () => {
  const cases: [string, string][] = [
    ["2024年 各乡镇（街道）法治培训场次", "法治镇览-2024年_各乡镇（街道）法治培训场次"],
    ['a/b\\c:d*e?f"g<h>i|j', "法治镇览-a_b_c_d_e_f_g_h_i_j"],
  ];
  it.each(cases)("%s → %s", (title, name) => {
    expect(chartFileName(title)).toBe(name);
  });
});
