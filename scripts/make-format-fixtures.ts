// Builds the document-format fixtures in tests/fixtures/formats/ from the seed report
// tests/fixtures/reports/seeds/003_37d3b37060572fdb.txt (襄垣县王村镇, 2024):
//
//   wangcun-2024.docx      Word file: styles, header and footer, runs split inside figures, a
//                          bookmark, a table of figures, a signature with a line break
//   wangcun-2024.html      a government web page saved as UTF-8 (http-equiv content type):
//                          navigation, breadcrumb, 字体:[大 中 小], share links, metadata table,
//                          the report in <div class="TRS_Editor">, related links, footer
//   wangcun-2024-gbk.html  the same page in GBK with <meta charset="gbk">
//   wangcun-2024.pdf       the report printed by Chromium (A4, 16pt, page numbers, running header)
//   wangcun-2024-excerpt-noto.pdf  one page of it in an OpenType font: one Type 3 font per glyph,
//                          radicals (⼈ ⺠) in the text layer
//
// Re-runnable: `npx tsx scripts/make-format-fixtures.ts`. The tests use the committed files, so
// the tools used here (Chromium, jszip from mammoth's dependencies) are needed only to rebuild them.
// The .docx and .html files come out byte for byte the same each time; Chromium stamps the PDF
// with the time of printing. The PDF needs Debian's chromium and, to stay small, the TrueType font
// of fonts-arphic-gbsn00lp (see PDF_FONT); without Chromium the PDF is left as it is.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import iconv from "iconv-lite";
import JSZip from "jszip";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SEED = join(root, "tests/fixtures/reports/seeds/003_37d3b37060572fdb.txt");
const OUT = join(root, "tests/fixtures/formats");

// --- the report as blocks -------------------------------------------------------------------

type Block =
  | { kind: "title"; text: string }
  | { kind: "h1" | "h2" | "p"; text: string; bookmark?: boolean }
  | { kind: "table"; rows: string[][] }
  | { kind: "sign"; lines: string[] };

const TITLE = "襄垣县王村镇关于2024年法治政府建设情况的报告";
const ISSUER = "王村镇人民政府";
const PUBLISHED = "2025-01-15";
const SIGNED = "2025年1月10日";

/** The seed's mediation breakdown becomes a table (the same figures, told once). */
const MEDIATION_SENTENCE = "化解148件，其中人民调解53件，行政调解38件，司法调解57件。";
const MEDIATION_LEAD = "化解148件，各类调解情况见下表：";
const MEDIATION_TABLE = [
  ["调解类型", "件数", "占比"],
  ["人民调解", "53件", "35.8%"],
  ["行政调解", "38件", "25.7%"],
  ["司法调解", "57件", "38.5%"],
  ["合计", "148件", "100%"],
];

function reportBlocks(): Block[] {
  const lines = readFileSync(SEED, "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  // the seed's first two lines are the title, broken by the copy
  if (lines[0]! + lines[1]! !== TITLE) throw new Error("unexpected seed title");
  const blocks: Block[] = [{ kind: "title", text: TITLE }];
  for (const raw of lines.slice(2)) {
    let line = raw;
    let bookmark = false;
    if (line.startsWith("[bookmark: _GoBack]")) {
      line = line.slice("[bookmark: _GoBack]".length);
      bookmark = true;
    }
    const prev = blocks.at(-1)!;
    if (/^[一二三四五六七八九十]、|^\d、/.test(line)) blocks.push({ kind: "h1", text: line });
    else if (/^（[一二三四五六七八九十\d]）/.test(line)) blocks.push({ kind: "h2", text: line });
    else if (prev.kind === "p" && !/[。：；！？]$/.test(prev.text)) prev.text += line; // a line broken by the copy
    else blocks.push({ kind: "p", text: line, bookmark });
  }
  const i = blocks.findIndex((b) => b.kind === "p" && b.text.includes(MEDIATION_SENTENCE));
  if (i < 0) throw new Error("mediation sentence not found in the seed");
  const p = blocks[i] as { kind: "p"; text: string };
  p.text = p.text.replace(MEDIATION_SENTENCE, MEDIATION_LEAD);
  blocks.splice(i + 1, 0, { kind: "table", rows: MEDIATION_TABLE });
  blocks.push({ kind: "sign", lines: [ISSUER, SIGNED] });
  return blocks;
}

// --- .docx ----------------------------------------------------------------------------------

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function run(text: string, props = ""): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
}

/**
 * Runs as Word writes them after editing: a paragraph cut into several runs, some cuts inside
 * a figure (共排查矛盾纠纷15|2件), so that the reader must join runs without adding anything.
 */
function runsOf(text: string): string {
  const cuts = new Set<number>();
  for (const m of text.matchAll(/\d{2,}/g)) cuts.add(m.index! + 1);
  for (let k = 40; k < text.length; k += 40) cuts.add(k);
  const points = [0, ...[...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length];
  let out = "";
  for (let k = 0; k + 1 < points.length; k++) out += run(text.slice(points[k]!, points[k + 1]!));
  return out;
}

function docxParagraph(b: Block): string {
  switch (b.kind) {
    case "title":
      return `<w:p><w:pPr><w:pStyle w:val="Title"/><w:jc w:val="center"/></w:pPr>${run(b.text)}</w:p>`;
    case "h1":
    case "h2": {
      const style = b.kind === "h1" ? "Heading1" : "Heading2";
      return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${run(b.text, "<w:b/>")}</w:p>`;
    }
    case "p": {
      const mark = b.bookmark ? '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>' : "";
      return `<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${mark}${runsOf(b.text)}</w:p>`;
    }
    case "sign": {
      const parts = b.lines.map((l) => run(l)).join("<w:r><w:br/></w:r>");
      return `<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${parts}</w:p>`;
    }
    case "table": {
      const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
      const borders = `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>`;
      const cols = b.rows[0]!.length;
      const grid = `<w:tblGrid>${'<w:gridCol w:w="2800"/>'.repeat(cols)}</w:tblGrid>`;
      const rows = b.rows
        .map((row, r) => {
          const cells = row
            .map((cell) => `<w:tc><w:tcPr><w:tcW w:w="2800" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(cell, r === 0 ? "<w:b/>" : "")}</w:p></w:tc>`)
            .join("");
          return `<w:tr>${cells}</w:tr>`;
        })
        .join("");
      return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>${borders}</w:tblPr>${grid}${rows}</w:tbl>`;
    }
  }
}

const DOCX_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>`;

async function makeDocx(blocks: Block[]): Promise<Buffer> {
  const body = blocks.map(docxParagraph).join("\n");
  const sect =
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/><w:footerReference w:type="default" r:id="rIdFooter1"/>' +
    '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1474" w:gutter="0"/></w:sectPr>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>\n${body}\n${sect}</w:body></w:document>`;
  const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${W_NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>${run("襄垣县王村镇人民政府文件")}</w:p></w:hdr>`;
  const footer =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${W_NS}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>` +
    `${run("- ")}<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>${run(" -")}</w:p></w:ftr>`;
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlEscape(TITLE)}</dc:title><dc:creator>${ISSUER}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-10T00:00:00Z</dcterms:created></cp:coreProperties>`;

  const zip = new JSZip();
  const date = new Date("2025-01-10T00:00:00Z"); // fixed, so that rebuilding gives the same bytes
  const add = (name: string, text: string) => zip.file(name, text, { date, createFolders: false });
  add("[Content_Types].xml", contentTypes);
  add("_rels/.rels", rels);
  add("docProps/core.xml", core);
  add("word/document.xml", document);
  add("word/styles.xml", DOCX_STYLES);
  add("word/header1.xml", header);
  add("word/footer1.xml", footer);
  add("word/_rels/document.xml.rels", docRels);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

// --- .html (a government site's article page) -----------------------------------------------

const htmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function articleHtml(b: Block, index: number): string {
  switch (b.kind) {
    case "title":
      return ""; // the page shows the title above the article
    case "h1":
      return `<p style="text-indent:2em"><strong><span style="font-family:黑体">${htmlEscape(b.text)}</span></strong></p>`;
    case "h2":
      return `<p style="text-indent:2em"><span style="font-family:楷体_GB2312">${htmlEscape(b.text)}</span></p>`;
    case "p": {
      let t = htmlEscape(b.text);
      // CMS sources are wrapped at odd places; a break between two Chinese characters is not a space
      if (index % 5 === 0 && t.length > 60) t = `${t.slice(0, 30)}\n        ${t.slice(30)}`;
      return `<p style="text-indent:2em;line-height:2"><span style="font-family:仿宋_GB2312;font-size:16pt">&nbsp;${t}</span></p>`;
    }
    case "sign":
      return b.lines.map((l) => `<p style="text-align:right">${htmlEscape(l)}</p>`).join("\n");
    case "table":
      return (
        '<table border="1" cellspacing="0" cellpadding="4" align="center" style="border-collapse:collapse">\n<tbody>\n' +
        b.rows
          .map((row) => `<tr>${row.map((c) => `<td style="text-align:center"><p>${htmlEscape(c)}</p></td>`).join("")}</tr>`)
          .join("\n") +
        "\n</tbody>\n</table>"
      );
  }
}

function governmentPage(blocks: Block[], charsetTag: string): string {
  const article = blocks.map(articleHtml).filter(Boolean).join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${charsetTag}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}_法治政府建设_襄垣县人民政府</title>
<meta name="SiteName" content="襄垣县人民政府">
<meta name="ColumnName" content="法治政府建设">
<meta name="ArticleTitle" content="${TITLE}">
<meta name="PubDate" content="${PUBLISHED} 09:30">
<meta name="ContentSource" content="${ISSUER}">
<meta name="Keywords" content="法治政府,年度报告">
<link rel="stylesheet" href="../css/common.css">
<style>
body{margin:0;font-family:"Microsoft YaHei",sans-serif}
.top-bar,.nav,.footer{background:#b5161d;color:#fff}
.xxgk-table td{border:1px solid #ddd;padding:4px 8px}
#zoom{font-size:16px;line-height:2}
</style>
<script type="text/javascript">
var _hmt = _hmt || []; var pageTitle = "${TITLE}";
function doZoom(size){ document.getElementById("zoom").style.fontSize = size + "px"; }
</script>
</head>
<body>
<div class="top-bar">
  <div class="w1200">
    <span class="welcome">欢迎访问襄垣县人民政府门户网站！今天是2025年1月15日 星期三</span>
    <a href="javascript:void(0)" id="wza">无障碍</a> | <a href="#">长者模式</a> | <a href="#">繁體</a> | <a href="#">登录</a>
  </div>
</div>
<div class="header">
  <div class="logo"><a href="/"><img src="../images/logo.png" alt="襄垣县人民政府"></a></div>
  <div class="search"><form action="/search"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form>
  <div class="hot-words">热门搜索：<a href="#">政府信息公开</a> <a href="#">政策解读</a> <a href="#">法治政府</a></div></div>
</div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxy/">走进襄垣</a></li>
  </ul>
</div>
<div class="main w1200">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/fzzf/">法治政府建设</a></div>
  <table class="xxgk-table" width="100%">
    <tr><td class="label">索&nbsp;&nbsp;引&nbsp;&nbsp;号：</td><td>11140423MB1957625X/2025-00012</td><td class="label">主题分类：</td><td>司法、法治政府建设</td></tr>
    <tr><td class="label">发布机构：</td><td>${ISSUER}</td><td class="label">成文日期：</td><td>2025-01-10</td></tr>
    <tr><td class="label">标　　题：</td><td colspan="3">${TITLE}</td></tr>
    <tr><td class="label">文　　号：</td><td></td><td class="label">发布日期：</td><td>${PUBLISHED}</td></tr>
  </table>
  <div class="article">
    <h1 class="article-title">${TITLE}</h1>
    <div class="article-info">
      <span>发布时间：${PUBLISHED} 09:30</span> <span>来源：${ISSUER}</span> <span>浏览次数：<span id="views">1268</span></span>
      <span class="font-size">字体：[<a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(12)">小</a>]</span>
    </div>
    <div class="bdsharebuttonbox">分享到：<a href="#" class="bds_weixin">微信</a><a href="#" class="bds_tsina">新浪微博</a><a href="#" class="bds_qzone">QQ空间</a></div>
    <div id="zoom">
<div class="TRS_Editor">
<style>.TRS_Editor p{margin-top:0;margin-bottom:0}</style>
${article}
</div>
    </div>
    <div style="display:none">附件下载统计：今年以来共下载1024次</div>
    <div class="article-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
    <div class="pager">
      <p>上一篇：<a href="#">王村镇关于2024年度重大行政决策事项目录的公示</a></p>
      <p>下一篇：<a href="#">王村镇2024年政府信息公开工作年度报告</a></p>
    </div>
  </div>
  <div class="related"><h3>相关链接</h3><ul><li><a href="#">襄垣县2024年法治政府建设年度报告</a></li><li><a href="#">关于开展“八五”普法中期检查的通知</a></li></ul></div>
</div>
<div class="footer">
  <p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">使用帮助</a> | <a href="#">隐私声明</a></p>
  <p>主办单位：襄垣县人民政府办公室　承办单位：襄垣县行政审批服务管理局　地址：山西省长治市襄垣县古韩镇</p>
  <p>网站标识码：1404230001　晋ICP备12003456号-1　晋公网安备 14042302000123号</p>
</div>
<script>var _bdhmProtocol = "https:"; document.write("统计代码");</script>
</body>
</html>
`;
}

// --- .pdf (Chromium's print of a document-style page) ----------------------------------------

/**
 * A TrueType CJK font (Debian: fonts-arphic-gbsn00lp) is embedded as a small subset; Chromium
 * embeds the OpenType/CFF Noto CJK fonts, and any synthetic bold, as Type 3 glyph procedures, which
 * makes the file several times larger: no bold here.
 */
const PDF_FONT = '"AR PL SungtiL GB", "Noto Serif CJK SC", serif';
/**
 * The excerpt PDF uses Noto on purpose: Chromium writes it one glyph per Type 3 font, and its text
 * layer maps many characters to radicals (⼈ U+2F08 for 人, ⺠ U+2EA0 for 民), as Word's PDFs do.
 */
const EXCERPT_FONT = '"Noto Serif CJK SC", serif';

function printHtml(blocks: Block[], PDF_FONT: string): string {
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case "title":
          return `<h1>${htmlEscape(b.text)}</h1>`;
        case "h1":
          return `<p class="h1">${htmlEscape(b.text)}</p>`;
        case "h2":
          return `<p class="h2">${htmlEscape(b.text)}</p>`;
        case "p":
          return `<p>${htmlEscape(b.text)}</p>`;
        case "sign":
          return `<div class="sign">${b.lines.map((l) => `<div>${htmlEscape(l)}</div>`).join("")}</div>`;
        case "table":
          return `<table>${b.rows.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${htmlEscape(c)}</th>` : `<td>${htmlEscape(c)}</td>`)).join("")}</tr>`).join("")}</table>`;
      }
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE}</title>
<style>
@page { size: A4; margin: 30mm 26mm 28mm 28mm;
  @top-right { content: "王村镇人民政府"; font: 10pt ${PDF_FONT}; }
  @bottom-center { content: "- " counter(page) " -"; font: 12pt ${PDF_FONT}; } }
body { font: 16pt/1.75 ${PDF_FONT}; margin: 0; text-align: justify; }
h1 { font: 22pt/1.5 ${PDF_FONT}; text-align: center; margin: 0 0 1em; }
p { margin: 0; text-indent: 2em; }
table { border-collapse: collapse; margin: 0.5em auto; }
th, td { border: 1px solid #000; padding: 0.1em 1.2em; text-align: center; font-weight: normal; }
.sign { text-align: right; margin-top: 2em; }
</style></head>
<body>
${body}
</body></html>
`;
}

function makePdf(html: string, out: string): boolean {
  const chromium = ["chromium", "chromium-browser", "google-chrome"].find((c) => {
    try {
      execFileSync(c, ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });
  if (!chromium) {
    console.error(`no Chromium found: ${out} left as it is`);
    return false;
  }
  const dir = mkdtempSync(join(tmpdir(), "fzzl-pdf-"));
  try {
    const page = join(dir, "report.html");
    writeFileSync(page, html);
    execFileSync(
      chromium,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        `--user-data-dir=${join(dir, "profile")}`,
        "--no-pdf-header-footer",
        `--print-to-pdf=${out}`,
        pathToFileURL(page).href,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return true;
}

// --- main -------------------------------------------------------------------------------------

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const blocks = reportBlocks();
  const files: string[] = [];

  const docx = join(OUT, "wangcun-2024.docx");
  writeFileSync(docx, await makeDocx(blocks));
  files.push(docx);

  const utf8 = join(OUT, "wangcun-2024.html");
  writeFileSync(utf8, governmentPage(blocks, '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'));
  files.push(utf8);

  const gbkPage = governmentPage(blocks, '<meta charset="gbk">');
  const gbkBytes = iconv.encode(gbkPage, "gbk");
  if (iconv.decode(gbkBytes, "gbk") !== gbkPage) throw new Error("the page has characters GBK cannot encode");
  const gbk = join(OUT, "wangcun-2024-gbk.html");
  writeFileSync(gbk, gbkBytes);
  files.push(gbk);

  const pdf = join(OUT, "wangcun-2024.pdf");
  if (makePdf(printHtml(blocks, PDF_FONT), pdf) || existsSync(pdf)) files.push(pdf);

  // the title, the paragraph on disputes and the table, in Noto (see EXCERPT_FONT)
  const table = blocks.findIndex((b) => b.kind === "table");
  const excerpt = [blocks[0]!, blocks[table - 1]!, blocks[table]!];
  const radicals = join(OUT, "wangcun-2024-excerpt-noto.pdf");
  if (makePdf(printHtml(excerpt, EXCERPT_FONT), radicals) || existsSync(radicals)) files.push(radicals);

  for (const f of files) {
    const kb = statSync(f).size / 1024;
    console.error(`${f.slice(root.length + 1)}  ${kb.toFixed(1)} KB${kb > 300 ? "  (over 300 KB: is fonts-arphic-gbsn00lp installed?)" : ""}`);
  }
}

await main();
