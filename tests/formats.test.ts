// Document formats: .docx (mammoth), saved web pages (.html/.htm, any charset), PDFs with a text
// layer (pdfjs-dist). The fixtures in tests/fixtures/formats/ are the seed report 003 (王村镇 2024)
// made into each format by scripts/make-format-fixtures.ts; every format must give the same
// metadata and totals as the .txt, with evidence spans that quote the normalised text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { extractBytes, extractText, type ExtractedReport } from "../src/lib/extract/extract.ts";
import { extractFile, SUPPORTED_EXTENSIONS } from "../src/lib/extract/extractFile.ts";
import { decodeHtml, htmlToText, isChromeLine } from "../src/lib/extract/formats/html.ts";
import { fixRadicals } from "../src/lib/extract/formats/pdf.ts";
import { findNumerals } from "../src/lib/extract/numbers.ts";
import { normalize } from "../src/lib/extract/normalize.ts";
import { mapPageStarts, pageOf } from "../src/lib/extract/pages.ts";
import { reportSchema } from "../src/lib/site/schema.ts";
import { toIndexRecord } from "../src/lib/site/generated.ts";

const FORMATS = join(import.meta.dirname, "fixtures", "formats");
const SEED = join(import.meta.dirname, "fixtures", "reports", "seeds", "003_37d3b37060572fdb.txt");
const read = (name: string) => new Uint8Array(readFileSync(join(FORMATS, name)));

const FIXTURES = [
  { file: "wangcun-2024.docx", encoding: "docx" },
  { file: "wangcun-2024.html", encoding: "html/utf-8" },
  { file: "wangcun-2024-gbk.html", encoding: "html/gb18030" },
  { file: "wangcun-2024.pdf", encoding: "pdf" },
] as const;

const CHROME = ["字体", "分享", "打印本页", "关闭窗口", "网站地图", "当前位置", "浏览次数", "上一篇", "ICP备", "无障碍", "热门搜索", "统计代码", "附件下载统计"];

/** The mention's number as written in its span (0 may be a statement that nothing happened). */
function spanQuotesValue(text: string, m: { value: number; start: number; end: number }): boolean {
  const span = text.slice(m.start, m.end);
  if (findNumerals(normalize(span).match).some((t) => Math.abs(t.value - m.value) < 1e-9)) return true;
  return m.value === 0 && /无|未|没有|零/.test(span);
}

/** A string as it appears in the normalised text (full-width ，：（） folded to ASCII). */
const N = (s: string) => normalize(s).text;

const totals = (r: ExtractedReport) => Object.fromEntries(Object.entries(r.indicators).map(([k, v]) => [k, { value: v.value, qualifier: v.qualifier }]));

const txt = extractBytes("003.txt", new Uint8Array(readFileSync(SEED)));

describe("document formats give the same report as the .txt", () => {
  it("the .txt reference is what the seed's labels say", () => {
    expect(txt).toMatchObject({ township: "王村镇", code: "140423106", year: 2024, errors: [] });
  });

  for (const { file, encoding } of FIXTURES) {
    describe(file, async () => {
      const bytes = read(file);
      const rec = await extractFile(`data/reports/${file}`, bytes);

      it("is under 300 KB (fixtures are committed)", () => {
        expect(bytes.length).toBeLessThan(300 * 1024);
      });

      it("reads township, code, year and the format", () => {
        expect(rec.errors).toEqual([]);
        expect(rec).toMatchObject({ township: "王村镇", county: "襄垣县", code: "140423106", year: 2024, encoding });
        expect(rec.title).toBe("襄垣县王村镇关于2024年法治政府建设情况的报告");
      });

      it("has the same totals as the .txt", () => {
        expect(rec.indicators.disputes_handled?.value).toBe(152);
        expect(rec.indicators.disputes_resolved?.value).toBe(148);
        expect(rec.indicators.publicity_events?.value).toBe(56);
        expect(rec.indicators.people_mediation_cases?.value).toBe(53);
        expect(rec.indicators.legal_opinions?.value).toBe(3);
        expect(rec.indicators.enforcement_cases?.value).toBe(14);
        expect(rec.indicators.training_participants?.value).toBe(20);
        expect(totals(rec)).toEqual(totals(txt));
      });

      it("has no page chrome in the text", () => {
        for (const w of CHROME) expect(rec.text, w).not.toContain(w);
        expect(rec.text).not.toMatch(/^\s*-\s*\d+\s*-\s*$/m); // PDF page numbers
      });

      it("quotes every mention exactly from the normalised text", () => {
        for (const [id, t] of Object.entries(rec.indicators)) {
          for (const m of t.mentions) {
            expect(m.end).toBeLessThanOrEqual(rec.text.length);
            expect(spanQuotesValue(rec.text, m), `${id} ${m.value} «${rec.text.slice(m.start, m.end)}»`).toBe(true);
          }
        }
        // a figure cut into Word runs, or wrapped by the PDF layout, is whole again
        expect(rec.text).toContain(N("共排查矛盾纠纷152件，化解148件"));
        expect(rec.text).toContain("受教群众9000余人次");
      });

      it("keeps the table, one row per line", () => {
        expect(rec.text).toMatch(/^人民调解 53件 35\.8%$/m);
        expect(rec.text).toMatch(/^合计 148件 100%$/m);
      });

      it("is valid site data", () => {
        expect(() => reportSchema.parse({ ...toIndexRecord(rec, "x") })).not.toThrow();
      });
    });
  }
});

describe(".docx", () => {
  it("drops headers and footers and keeps the signature lines", async () => {
    const rec = await extractFile("r.docx", read("wangcun-2024.docx"));
    expect(rec.text).not.toContain("人民政府文件"); // the page header
    expect(rec.text.startsWith("襄垣县王村镇关于2024年法治政府建设情况的报告\n")).toBe(true);
    expect(rec.text.trimEnd().endsWith("王村镇人民政府\n2025年1月10日")).toBe(true);
    expect(rec.reportDate).toBe("2025-01-10");
  });
});

describe(".html", () => {
  it("puts the page's metadata fields before the body", async () => {
    const rec = await extractFile("r.html", read("wangcun-2024.html"));
    expect(rec.text.split("\n").slice(0, 6)).toEqual([
      "襄垣县王村镇关于2024年法治政府建设情况的报告",
      "索引号:11140423MB1957625X/2025-00012",
      "发布机构:王村镇人民政府",
      "发布日期:2025-01-15",
      "成文日期:2025-01-10",
      "",
    ]);
    expect(rec.issuer).toBe("王村镇人民政府");
    // the body follows, and none of the navigation, breadcrumb, share or footer lines
    expect(rec.text).toContain(N("2024年，在县委、县政府的正确领导下"));
    for (const w of ["首页", "政务服务", "走进襄垣", "长者模式", "上一篇", "相关链接", "主办单位", "新浪微博"]) expect(rec.text, w).not.toContain(w);
  });

  it("reads the GBK page as the UTF-8 one", async () => {
    const utf8 = await extractFile("a.html", read("wangcun-2024.html"));
    const gbk = await extractFile("b.html", read("wangcun-2024-gbk.html"));
    expect(gbk.text).toBe(utf8.text);
    expect(gbk.encoding).toBe("html/gb18030");
  });

  it("decodes by BOM, declared charset, or detection", () => {
    const page = (meta: string) => `<html><head>${meta}</head><body><p>王村镇2024年开展普法宣传56次。</p></body></html>`;
    const gbk = (s: string) => new Uint8Array(iconv.encode(s, "gbk"));
    const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
    expect(decodeHtml(gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')))).toMatchObject({ encoding: "gb18030" });
    expect(decodeHtml(gbk(page('<meta charset="GBK">'))).text).toContain("普法宣传56次");
    // no declaration: UTF-8, else GB18030
    expect(decodeHtml(gbk(page(""))).encoding).toBe("gb18030");
    expect(decodeHtml(utf8(page(""))).encoding).toBe("utf-8");
    // re-saved as UTF-8 but still declaring GBK
    expect(decodeHtml(utf8(page('<meta charset="gbk">')))).toMatchObject({ encoding: "utf-8" });
    expect(decodeHtml(utf8(page('<meta charset="gbk">'))).text).toContain("普法宣传56次");
    // BOM wins
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page('<meta charset="gbk">'))]);
    expect(decodeHtml(bom).encoding).toBe("utf-8");
  });

  const P1 = "2024年，王村镇坚持以习近平法治思想为指引，扎实推进法治政府建设各项工作，开展集中普法宣传56次。";
  const P2 = "今年以来，镇综治中心共排查矛盾纠纷152件，化解148件，维护了社会和谐稳定。";
  const P3 = "全年累计培训执法人员20人次，执法人员持证上岗率达到100%，提升了执法能力。";

  it("finds the body without the usual container names (layout tables, <br> lines)", () => {
    const html = `<html><body><table width="980"><tr><td><a href="/">首页</a> | <a href="#">机构概况</a> | <a href="#">政务公开</a></td></tr>
      <tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; 通知公告</td></tr>
      <tr><td class="x1"><b>王村镇2024年法治政府建设情况报告</b></td></tr>
      <tr><td class="x2">${P1}<br>${P2}<br/>${P3}</td></tr>
      <tr><td>【<a href="#">打印本页</a>】 【<a href="#">关闭窗口</a>】</td></tr>
      <tr><td>版权所有：王村镇人民政府 晋ICP备05000000号</td></tr></table></body></html>`;
    expect(htmlToText(html)).toBe([P1, P2, P3].join("\n"));
  });

  it("keeps every section of a Word-exported body, and tables as rows", () => {
    const html = `<html><body><div class="nav"><a>首页</a><a>新闻</a></div>
      <div class="TRS_Editor"><div class="WordSection1"><p>${P1}</p><p>${P2}</p></div>
      <div class="WordSection2"><p>${P3}</p><table><tr><td><p>项目</p></td><td><p>数量</p></td></tr><tr><td>人民调解</td><td>53件</td></tr></table></div></div>
      <div class="footer"><p>主办单位：襄垣县人民政府办公室，地址：古韩镇。</p></div></body></html>`;
    expect(htmlToText(html)).toBe([P1, P2, P3, "项目\t数量", "人民调解\t53件"].join("\n"));
  });

  it("reads fields from lists and <meta>, and does not repeat a title the body starts with", () => {
    const html = `<html><head><meta name="ArticleTitle" content="王村镇2024年法治政府建设年度报告"><meta name="PubDate" content="2025/1/20 10:00">
      <meta name="ContentSource" content="王村镇"></head><body>
      <ul class="xxgk"><li><span>信息索引号:</span><p>113304/2025-00001</p></li><li><span>发布机构:</span><p>王村镇人民政府</p></li></ul>
      <div class="info">发布时间：2025-01-21 来源：王村镇 浏览次数：25 字体：[大 中 小]</div>
      <div id="zoom"><p style="text-align:center">王村镇2024年法治政府建设年度报告</p><p>${P1}</p><p>${P2}</p></div></body></html>`;
    const text = htmlToText(html);
    expect(text.split("\n")).toEqual(["王村镇2024年法治政府建设年度报告", "索引号：113304/2025-00001", "发布机构：王村镇人民政府", "发布日期：2025-01-21", "", P1, P2]);
  });

  it("reads a label in bold inside its cell, and the body in a container of any name", () => {
    const html = `<html><body><table class="bd1"><tbody>
      <tr><td><b>索 引 号：</b></td><td>000014349/2025-00001</td><td><b>发文机关：</b></td><td>王村镇人民政府</td></tr>
      <tr><td><b>成文日期：</b></td><td>2025年01月10日</td><td><b>发布日期：</b></td><td>2025年01月15日</td></tr>
      <tr><td><b>标　　题：</b></td><td colspan="3">王村镇2024年法治政府建设情况报告</td></tr></tbody></table>
      <div class="pages_content" id="UCAP-CONTENT"><div>${P1}</div><div>${P2}</div><div>${P3}</div></div>
      <div class="pages_print"><span>【我要打印】</span><span>【关闭窗口】</span></div></body></html>`;
    expect(htmlToText(html).split("\n")).toEqual([
      "王村镇2024年法治政府建设情况报告",
      "索引号：000014349/2025-00001",
      "发布机构：王村镇人民政府",
      "发布日期：2025-01-15",
      "成文日期：2025-01-10",
      "",
      P1,
      P2,
      P3,
    ]);
  });

  it("does not take a table's 名称 column for the title", () => {
    const html = `<div id="zoom"><p>${P1}</p><p>${P2}</p><table><tr><td>名称</td><td>数量</td></tr><tr><td>普法宣传</td><td>56次</td></tr></table></div>`;
    expect(htmlToText(html)).toBe([P1, P2, "名称\t数量", "普法宣传\t56次"].join("\n"));
  });

  it("joins source lines wrapped between Chinese characters without a space", () => {
    const html = `<div id="content"><p>今年以来，镇综治中心共排查矛盾
      纠纷152件，化解148件，维护了社会和谐稳定。</p><p>Law   and\n order，依法治镇。一二三四五六七八九十。</p></div>`;
    expect(htmlToText(html)).toBe("今年以来，镇综治中心共排查矛盾纠纷152件，化解148件，维护了社会和谐稳定。\nLaw and order，依法治镇。一二三四五六七八九十。");
  });

  it("keeps the lines of preformatted text", () => {
    expect(htmlToText(`<body><pre>${P1}\n${P2}

${P3}</pre></body>`)).toBe([P1, P2, P3].join("\n"));
  });

  it("knows chrome lines", () => {
    for (const l of ["字体：[大 中 小]", "【打印本页】【关闭窗口】", "分享到：微信 微博 QQ空间", "当前位置：首页 > 政务公开", "首页 > 政务公开 > 法治政府", "上一篇：关于…的通知", "网站地图 | 联系我们"])
      expect(isChromeLine(l), l).toBe(true);
    for (const l of ["主办单位：襄垣县人民政府办公室 承办单位：襄垣县行政审批服务管理局", "扫一扫在手机打开当前页"]) expect(isChromeLine(l), l).toBe(true);
    for (const l of [P1, "一、主要举措和成效", "人民调解 53件", "通过微信公众号分享普法知识120余条，受教群众9000余人次。", "分享交流会3次", "扫二维码参与普法答题1200人次"])
      expect(isChromeLine(l), l).toBe(false);
  });
});

/** Raw text of each PDF page as pdfjs gives it (to check page numbers independently). */
async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const c = await (await doc.getPage(p)).getTextContent();
    out.push(c.items.map((i) => ("str" in i ? i.str : "")).join("").replace(/\s+/g, ""));
  }
  await doc.destroy();
  return out;
}

describe(".pdf", async () => {
  const bytes = read("wangcun-2024.pdf");
  const rec = await extractFile("r.pdf", bytes);

  it("has page starts in the normalised text", () => {
    const pages = rec.pages!;
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toBe(0);
    for (let i = 1; i < pages.length; i++) expect(pages[i]!).toBeGreaterThan(pages[i - 1]!);
    expect(pages.at(-1)!).toBeLessThan(rec.text.length);
  });

  it("says on which page a figure is", async () => {
    const raw = await pdfPageTexts(bytes);
    expect(raw.length).toBe(rec.pages!.length);
    for (const id of ["disputes_handled", "publicity_events", "enforcement_cases", "legal_opinions", "people_mediation_cases"]) {
      const m = rec.indicators[id]!.mentions[0]!;
      const page = pageOf(rec.pages, m.start);
      expect(page).toBeGreaterThanOrEqual(1);
      expect(page).toBeLessThanOrEqual(raw.length);
      // the evidence's last few characters are printed on that page or, for a quote that runs
      // over a page break, on the next one
      const tail = rec.text.slice(Math.max(m.start, m.end - 6), m.end).replace(/\s+/g, "");
      expect(`${raw[page - 1]}${raw[page] ?? ""}`, `${id} on page ${page}`).toContain(tail);
    }
    // the first page holds the title, the last one the signature
    expect(pageOf(rec.pages, rec.text.indexOf("襄垣县王村镇"))).toBe(1);
    expect(pageOf(rec.pages, rec.text.lastIndexOf("2025年1月10日"))).toBe(rec.pages!.length);
  });

  it("drops running headers and page numbers but keeps the body's lines", () => {
    const count = (s: string, w: string) => s.split(w).length - 1;
    expect(count(rec.text, "王村镇人民政府")).toBe(1); // the signature, not the header of every page
    expect(rec.text).toContain("王村镇人民政府\n2025年1月10日");
  });

  it("maps Kangxi and supplement radicals from the text layer to ideographs", () => {
    expect(fixRadicals("⼈⺠调解，⻓期")).toBe("人民调解，长期");
  });

  it("reads a PDF set one glyph per font whose text layer has radicals (⼈ for 人)", async () => {
    const bytes = read("wangcun-2024-excerpt-noto.pdf");
    expect(bytes.length).toBeLessThan(300 * 1024);
    expect((await pdfPageTexts(bytes)).join("")).toMatch(/[\u2e80-\u2fdf]/); // the raw text layer
    const r = await extractFile("excerpt.pdf", bytes);
    expect(r.errors).toEqual([]);
    expect(r.text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(r.text).toContain(N("加强人民调解、行政调解、司法调解衔接配合"));
    expect(r).toMatchObject({ township: "王村镇", code: "140423106", year: 2024, pages: [0] });
    expect(r.indicators.disputes_handled?.value).toBe(152);
    expect(r.indicators.disputes_resolved?.value).toBe(148);
    expect(r.indicators.people_mediation_cases?.value).toBe(53);
  });
});

/** A PDF of blank pages: valid structure, no text layer. */
function blankPdf(pages: number): Uint8Array {
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(" ")}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

describe("broken files", () => {
  const random = new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 251));
  const cases: [string, Uint8Array, RegExp][] = [
    ["bad/report.docx", new Uint8Array(Buffer.from("PK")), /^bad\/report\.docx: not a valid \.docx file: /],
    ["bad/random.docx", random, /^bad\/random\.docx: not a valid \.docx file: /],
    ["bad/old.docx", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /old\.docx: not a valid \.docx file: .*Word 97-2003/],
    ["bad/random.pdf", random, /^bad\/random\.pdf: not a valid \.pdf file: /],
    ["bad/truncated.pdf", new Uint8Array(Buffer.from("%PDF-1.7\n1 0 obj\n<<")), /^bad\/truncated\.pdf: not a valid \.pdf file: /],
    ["bad/scan.pdf", blankPdf(2), /^bad\/scan\.pdf: no text layer in the PDF \(2 pages without text\)/],
    ["bad/empty.html", new Uint8Array(), /^bad\/empty\.html: empty input/],
    ["bad/binary.htm", new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]), /^bad\/binary\.htm: not a readable web page: binary data/],
  ];

  for (const [file, bytes, message] of cases) {
    it(`${file}: an error naming the file, never a crash`, async () => {
      const rec = await extractFile(file, bytes);
      expect(rec.errors).toHaveLength(1);
      expect(rec.errors[0]).toMatch(message);
      expect(rec.township).toBeNull();
      expect(Object.keys(rec.indicators)).toEqual([]);
    });
  }

  it("does not stop the other files", async () => {
    const files: [string, Uint8Array][] = [
      ["a.pdf", random],
      ["b.docx", new Uint8Array(Buffer.from("PK"))],
      ["c.docx", read("wangcun-2024.docx")],
      ["d.pdf", read("wangcun-2024.pdf")],
    ];
    const recs = await Promise.all(files.map(([f, b]) => extractFile(f, b)));
    expect(recs.map((r) => r.errors.length > 0)).toEqual([true, true, false, false]);
    expect(recs[2]!.indicators.disputes_handled?.value).toBe(152);
    expect(recs[3]!.indicators.disputes_handled?.value).toBe(152);
  });

  it("still refuses formats without a reader", async () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining([".txt", ".docx", ".html", ".htm", ".pdf"]));
    const rec = await extractFile("old.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    expect(rec.errors[0]).toMatch(/old\.doc: unsupported file type \.doc/);
  });
});

describe("damaged input never crashes a reader", () => {
  const check = (r: ExtractedReport) => {
    for (const t of Object.values(r.indicators)) for (const m of t.mentions) expect(spanQuotesValue(r.text, m)).toBe(true);
    if (r.pages) expect(() => reportSchema.parse({ ...toIndexRecord(r, "x") })).not.toThrow();
  };
  const cut = (b: Uint8Array, i: number, j: number, insert: Uint8Array) => {
    const a = i % (b.length + 1);
    const e = Math.min(b.length, a + (j % 2000));
    return new Uint8Array([...b.subarray(0, a), ...insert, ...b.subarray(e)]);
  };
  const mutation = fc.tuple(fc.nat(), fc.nat(), fc.uint8Array({ maxLength: 40 }));

  for (const [file, runs] of [["wangcun-2024.html", 40], ["wangcun-2024-gbk.html", 20], ["wangcun-2024.docx", 15], ["wangcun-2024.pdf", 10]] as const) {
    it(`${file}, cut and spliced`, async () => {
      const bytes = read(file);
      await fc.assert(
        fc.asyncProperty(mutation, async ([i, j, insert]) => {
          const r = await extractFile(file, cut(bytes, i, j, insert));
          check(r);
        }),
        { numRuns: runs },
      );
    });
  }

  it("arbitrary strings as web pages", () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => void htmlToText(s)), { numRuns: 200 });
  });
});

describe("pages", () => {
  it("pageOf: the last page starting at or before the offset", () => {
    const pages = [0, 100, 100, 250];
    expect(pageOf(pages, 0)).toBe(1);
    expect(pageOf(pages, 99)).toBe(1);
    expect(pageOf(pages, 100)).toBe(3); // page 2 is empty
    expect(pageOf(pages, 249)).toBe(3);
    expect(pageOf(pages, 250)).toBe(4);
    expect(pageOf(pages, 10_000)).toBe(4);
    expect(pageOf([], 5)).toBe(0);
    expect(pageOf(undefined, 5)).toBe(0);
  });

  it("maps raw page starts through normalisation (lines joined, blank lines collapsed, full-width folded)", () => {
    const p1 = "今年以来，镇综治中心、网格员、派出所、司法所共排查矛盾纠纷１５２件，化解１４８件，其中人民";
    const p2 = "调解53件。\n\n\n\n\n二、存在的不足\n";
    const p3 = "　　部分干部法治意识仍需加强。";
    const raw = `${p1}\f${p2}\f${p3}`;
    const rawStarts = [0, p1.length + 1, p1.length + 1 + p2.length + 1];
    const rec = extractText("x.pdf", raw, "pdf", rawStarts);
    const n = normalize(raw);
    expect(rec.pages).toEqual(mapPageStarts(rawStarts, n.sourceIndex));
    const [a, b, c] = rec.pages!;
    expect(a).toBe(0);
    // page 1's last line and page 2's first line are one sentence: page 2 starts inside the line
    expect(rec.text.slice(b!, b! + 5)).toBe("调解53件");
    expect(rec.text.slice(b! - 2, b!)).toBe("人民");
    expect(rec.text.slice(c!).trim()).toBe("部分干部法治意识仍需加强。");
    const m = rec.indicators.disputes_handled!.mentions[0]!;
    expect(pageOf(rec.pages, m.start)).toBe(1);
    expect(pageOf(rec.pages, rec.text.indexOf("二、存在"))).toBe(2);
  });

  it("the site schema checks page starts", () => {
    const rec = extractText("x.pdf", "王村镇2024年开展普法宣传56次。\f其他工作。", "pdf", [0, 20]);
    expect(() => reportSchema.parse({ ...toIndexRecord(rec, "x") })).not.toThrow();
    expect(() => reportSchema.parse({ ...toIndexRecord(rec, "x"), pages: [5, 0] })).toThrow(/page starts/);
    expect(() => reportSchema.parse({ ...toIndexRecord(rec, "x"), pages: undefined })).not.toThrow();
  });
});
