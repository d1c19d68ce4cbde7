// A web page saved from a government site (.html/.htm) → the report's text.
//
// 1. Bytes → string: a BOM, else the charset the page declares (<meta charset>, http-equiv
//    content type, XML declaration), else the .txt detection (UTF-8, then GB18030).
// 2. The page's metadata fields (索引号, 发布机构, 发布日期, 成文日期, 标题 in its information
//    table, or <meta name="ArticleTitle|PubDate|ContentSource">) become a short header of lines
//    that the metadata reader understands (the title, "发布机构：…", "发布日期：2025-01-20").
// 3. Page chrome is dropped (scripts, navigation, header, footer, breadcrumbs, share and print
//    links, 字体:[大 中 小], …) and the main text is the element holding (nearly) all the page's
//    prose: paragraphs with Chinese sentences that are not links. Common content containers
//    (zoom, TRS_Editor, content, article, …) are a hint, never required.
// 4. Block elements become lines; a data table's row is one line with its cells separated by tabs.
import iconv from "iconv-lite";
import { parseHTML } from "linkedom";
import { DecodeError, decodeBytes } from "../decode.js";
import {
  type DomNode,
  type FormatText,
  type Line,
  FormatError,
  blockLines,
  cjkCount,
  inlineText,
  isElement,
  isHidden,
  SKIPPED,
  tagOf,
} from "./common.js";

// --- decoding ---------------------------------------------------------------------------------

const GB_LABELS = /^(?:gb2312|gbk|gb18030|gb_2312-80|x-gbk|cp936|ms936|windows-936|euc-cn|x-euc-cn|csgb2312|chinese|iso-ir-58)$/;

/** The charset a page declares in its first bytes, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString("latin1");
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml ? xml[1]!.toLowerCase() : null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decoding damage that says the declared charset is wrong. */
function damaged(s: string): boolean {
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xfffd || c === 0) bad++;
  }
  return bad > Math.max(2, s.length / 200);
}

/** Bytes of a web page → its source text and the encoding used. Throws DecodeError. */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const label = bom ? null : declaredCharset(bytes);
  if (label && !label.startsWith("utf-16")) {
    const utf8 = strictUtf8(bytes);
    if (label === "utf-8" || label === "utf8") {
      if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
    } else if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) {
      // a page re-saved as UTF-8 that still declares its old charset: valid UTF-8 with Chinese
      // text is practically never GBK or Big5 text
      return { text: utf8, encoding: "utf-8" };
    } else {
      const enc = GB_LABELS.test(label) ? "gb18030" : iconv.encodingExists(label) ? label : null;
      if (enc) {
        const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc);
        if (!damaged(text)) return { text, encoding: enc };
      }
    }
  }
  // no (usable) declaration: BOM, UTF-16, UTF-8 or GB18030 as for a .txt report
  const d = decodeBytes(bytes);
  return { text: d.text, encoding: d.encoding };
}

// --- parsing ----------------------------------------------------------------------------------

interface Doc {
  document: { body: DomNode | null; documentElement: DomNode | null; querySelectorAll(sel: string): ArrayLike<DomNode> };
}

function parse(html: string): Doc["document"] {
  // linkedom takes the first element of a fragment for the document element: give it a whole page
  const whole = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(whole) as unknown as Doc;
  if (document.body) return document;
  return (parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as Doc).document;
}

// --- metadata ---------------------------------------------------------------------------------

export interface PageFields {
  index?: string;
  issuer?: string;
  published?: string;
  written?: string;
  title?: string;
}

const FIELD_LABELS: [keyof PageFields, string[]][] = [
  ["index", ["信息索引号", "索引号"]],
  ["issuer", ["发布机构", "发文机关", "发文机构", "发布单位", "公开主体"]],
  ["written", ["成文日期", "成文时间", "印发日期"]],
  ["published", ["发布日期", "发布时间", "公开日期", "公开时间"]],
  ["title", ["文件名称", "信息名称", "标题", "名称"]],
];

/** label → field; labels may be spaced out in the page (索  引  号：, 标　　题：) */
const LABEL = new RegExp(
  `(${FIELD_LABELS.flatMap(([, ls]) => ls)
    .map((l) => Array.from(l).join("[\\s\\u00a0\\u3000]*"))
    .join("|")})[\\s\\u00a0\\u3000]*[:：]?`,
);
const LABELS = new RegExp(LABEL.source, "g");
const fieldOf = new Map<string, keyof PageFields>(FIELD_LABELS.flatMap(([f, ls]) => ls.map((l) => [l, f] as [string, keyof PageFields])));

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, "");
const tidy = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, " ").trim();

function isoDate(s: string): string | undefined {
  const m = /(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A title worth a header line; under the generic label 名称 (a table column too), a report's title only. */
function plausibleTitle(v: string, label: string): boolean {
  if (v.length < 6 || v.length > 120 || cjkCount(v) < 4) return false;
  return label !== "名称" || /报告|总结|情况/.test(v);
}

function setField(out: PageFields, field: keyof PageFields, raw: string, label = ""): void {
  if (out[field] !== undefined) return;
  const v = tidy(raw).replace(/^[:：]\s*/, "");
  if (!v) return;
  if (field === "published" || field === "written") {
    const d = isoDate(v);
    if (d) out[field] = d;
  } else if (field === "title") {
    if (plausibleTitle(v, label)) out.title = v;
  } else if (v.length <= 60) {
    out[field] = v.split(" ")[0]!; // a value runs to the next label or space (主题分类：… after it)
  }
}

/** Label-value pairs in one short text: "发布机构：王村镇 发布日期：2025-01-15". */
function fieldsInText(text: string, out: PageFields): void {
  const matches = [...text.matchAll(LABELS)];
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const field = fieldOf.get(squash(m[1]!));
    if (!field) continue;
    const end = k + 1 < matches.length ? matches[k + 1]!.index! : text.length;
    setField(out, field, text.slice(m.index! + m[0].length, end), squash(m[1]!));
  }
}

function nextElementSibling(n: DomNode): DomNode | null {
  const parent = n.parentNode;
  if (!parent) return null;
  const siblings = Array.from(parent.childNodes);
  for (let i = siblings.indexOf(n) + 1; i < siblings.length; i++) if (isElement(siblings[i]!)) return siblings[i]!;
  return null;
}

/** The page's metadata: its information table or list (label cells) and its <meta> tags. */
export function pageFields(document: Doc["document"]): PageFields {
  const out: PageFields = {};
  const labelStart = (t: string) => LABEL.exec(t)?.index === 0;
  const all = Array.from(document.querySelectorAll("body *"));
  for (const el of all) {
    const tag = tagOf(el);
    if (SKIPPED.has(tag) || tag === "a") continue;
    const text = el.textContent ?? "";
    const t = squash(text);
    if (t.length === 0 || t.length > 160 || !labelStart(t)) continue;
    // the innermost element that starts with a label reads it
    if (Array.from(el.childNodes).some((c) => isElement(c) && labelStart(squash(c.textContent ?? "")))) continue;
    const m = LABEL.exec(t)!;
    if (m[0].length === t.length) {
      // a label cell alone: its value is in the next cell (td → td, dt → dd, span → span)
      // (<td><b>索 引 号：</b></td><td>…</td>: from the label's cell)
      const field = fieldOf.get(squash(m[1]!));
      let at: DomNode = el;
      while (!nextElementSibling(at) && at.parentNode && squash(at.parentNode.textContent ?? "") === t) at = at.parentNode;
      const next = nextElementSibling(at);
      if (field && next) setField(out, field, inlineText(next), squash(m[1]!));
    } else {
      fieldsInText(inlineText(el), out);
    }
  }
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const name = (meta.getAttribute?.("name") ?? "").toLowerCase();
    const content = meta.getAttribute?.("content") ?? "";
    if (name === "articletitle") setField(out, "title", content);
    else if (name === "pubdate") setField(out, "published", content);
    else if (name === "contentsource") setField(out, "issuer", content);
  }
  return out;
}

// --- chrome -----------------------------------------------------------------------------------

/** Elements that are page chrome by their tag. */
const CHROME_TAGS = new Set(["nav", "header", "footer", "aside"]);

/** id/class words of page chrome (whole words of the attribute, split at spaces, - and _). */
const CHROME_WORDS =
  /^(?:nav|navs|navbar|navigation|menu|menus|submenu|mainmenu|breadcrumbs?|crumbs?|bread|position|location|curpos|currentpos|weizhi|dqwz|share|shares|bdshare|bdsharebuttonbox|fenxiang|jiathis\w*|footer|foot|copyright|sidebar|side|related|relate|xgxx|xglj|xgwz|print|dayin|toolbar|qrcode|ewm|erweima|search|login|topbar|top|header|head|banner|logo|fontsize|zihao|pager|prevnext|comment|comments|hotwords)$/i;

/** A chrome-looking element holding this much prose is kept anyway (a misnamed content block). */
const CHROME_PROSE_LIMIT = 300;

function chromeByName(el: DomNode): boolean {
  const names = `${el.getAttribute?.("id") ?? ""} ${el.getAttribute?.("class") ?? ""}`;
  return names.split(/[\s_-]+/).some((w) => w.length > 0 && CHROME_WORDS.test(w));
}

function proseIn(el: DomNode): number {
  const t = el.textContent ?? "";
  return /[。；]/.test(t) ? cjkCount(t) : 0;
}

function isChrome(el: DomNode): boolean {
  const tag = tagOf(el);
  if (!CHROME_TAGS.has(tag) && !chromeByName(el)) return false;
  return proseIn(el) < CHROME_PROSE_LIMIT;
}

/** Lines that are page chrome wherever they are (short lines only). */
const CHROME_LINES: RegExp[] = [
  /字\s*[体号]\s*[:：]?\s*[[【(（]?\s*[大中小]/, // 字体:[大 中 小]
  /当前位置|您的位置|您现在的位置|所在位置|现在位置/,
  /^(?:上一篇|下一篇|上一条|下一条)/,
  /浏览次数|访问次数|阅读次数|点击次数|点击数|浏览量|阅读量|访问量/,
  /ICP备|公网安备|网站标识码|版权所有|copyright|©/i,
  /^分享到|^分享\s*[:：]/,
  /(?:首页|主页)\s*(?:>|»|›|＞|→|\/)/, // breadcrumb
];
/** Words of chrome that a report's sentence may also use: chrome only in a line without figures or sentences. */
const WEAK_CHROME = /网站地图|联系我们|主办单位|承办单位|扫一扫|手机扫描|二维码|手机版/;
/** Lines made only of these words (and brackets) are chrome: 【打印本页】【关闭窗口】. */
const CHROME_WORDS_ONLY =
  /^(?:[\s[\]【】()（）|｜/·•]|打印本页|打印正文|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|加入收藏|收藏|保存本页|纠错|我要纠错|相关链接|相关文章|相关信息|相关阅读|推荐阅读|微信|微博|新浪微博|QQ空间|QQ|人人网|豆瓣|分享|字体|大|中|小|默认)+$/i;
const CHROME_LINE_MAX = 80;

export function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > CHROME_LINE_MAX) return false;
  if (CHROME_WORDS_ONLY.test(t)) return true;
  if (CHROME_LINES.some((re) => re.test(t))) return true;
  return WEAK_CHROME.test(t) && !/[\d０-９。；！？]/.test(t);
}

// --- the main text ----------------------------------------------------------------------------

/** Content container names (a hint when choosing between candidates, never required). */
const CONTENT_HINT = /zoom|content|article|trs_editor|trs_ueditor|custom_unionstyle|detail|zhengwen|wenzhang|\bzw\b|main_?text|news_?text/i;

/** Share of the page's prose a child must hold to be chosen over its parent. */
const DESCEND = 0.9;
const DESCEND_HINTED = 0.75;

function isProse(l: Line): boolean {
  const cjk = cjkCount(l.text);
  return cjk >= 10 && l.linkChars * 2 < l.text.length && /[，,。；;！？]/.test(l.text) && !isChromeLine(l.text);
}

function hinted(el: DomNode): boolean {
  return CONTENT_HINT.test(`${el.getAttribute?.("id") ?? ""} ${el.getAttribute?.("class") ?? ""}`);
}

/** The element holding the report: descend from body while one child holds nearly all the prose. */
export function mainElement(body: DomNode, skip: (el: DomNode) => boolean): DomNode {
  const prose = new Map<DomNode, number>();
  for (const l of blockLines(body, skip)) {
    if (!isProse(l)) continue;
    const k = cjkCount(l.text);
    for (let n: DomNode | null = l.block; n; n = n.parentNode) {
      prose.set(n, (prose.get(n) ?? 0) + k);
      if (n === body) break;
    }
  }
  let node = body;
  for (;;) {
    const total = prose.get(node) ?? 0;
    if (total === 0) return node;
    let best: DomNode | null = null;
    let bestScore = 0;
    for (const c of Array.from(node.childNodes)) {
      const s = prose.get(c) ?? 0;
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (!best || !isElement(best)) return node;
    const share = bestScore / total;
    if (share >= DESCEND || (share >= DESCEND_HINTED && hinted(best))) node = best;
    else return node;
  }
}

// --- the reader -------------------------------------------------------------------------------

/** A title from the page's headings or <title> when its fields give none. */
function headingTitle(document: Doc["document"]): string | undefined {
  const looksLike = (t: string) => t.length >= 6 && t.length <= 100 && /报告|总结|情况/.test(t) && !/[。；]/.test(t);
  for (const h of Array.from(document.querySelectorAll("h1, h2, h3"))) {
    const t = tidy(h.textContent ?? "");
    if (looksLike(t)) return t;
  }
  const title = document.querySelectorAll("title")[0];
  const first = tidy(title?.textContent ?? "").split(/[_|｜]|\s[-–—]\s/)[0]?.trim() ?? "";
  return looksLike(first) ? first : undefined;
}

/**
 * The text: the title, the page's fields ("发布机构：…", "发布日期：2025-01-20"), a blank line and
 * the body. The title comes first because the metadata reader takes a short line just before a
 * title for the first half of a title broken over two lines; the body's own copy of the title,
 * if it starts with one, is dropped.
 */
function assemble(f: PageFields, title: string | undefined, body: string[]): string {
  const fields: string[] = [];
  if (f.index) fields.push(`索引号：${f.index}`);
  if (f.issuer) fields.push(`发布机构：${f.issuer}`);
  if (f.published) fields.push(`发布日期：${f.published}`);
  if (f.written) fields.push(`成文日期：${f.written}`);
  let lines = body;
  if (title) {
    const t = squash(title);
    const k = body.slice(0, 4).findIndex((l) => squash(l) === t);
    if (k >= 0) lines = [...body.slice(0, k), ...body.slice(k + 1)];
  }
  const header = title ? [title, ...fields] : fields;
  return header.length > 0 ? `${header.join("\n")}\n\n${lines.join("\n")}` : lines.join("\n");
}

/** The report text of a web page (already decoded). */
export function htmlToText(html: string): string {
  const document = parse(html);
  const fields = pageFields(document);
  const title = fields.title ?? headingTitle(document);
  const body = document.body ?? document.documentElement;
  if (!body) return assemble(fields, title, []);
  const skip = (el: DomNode) => isHidden(el) || isChrome(el);
  const main = mainElement(body, skip);
  const lines = blockLines(main, skip)
    .map((l) => l.text)
    .filter((t) => !isChromeLine(t));
  return assemble(fields, title, lines);
}

/** Bytes of a saved web page → the report's text. Throws FormatError. */
export async function readHtml(bytes: Uint8Array): Promise<FormatText> {
  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeHtml(bytes);
  } catch (e) {
    throw new FormatError(`not a readable web page: ${e instanceof DecodeError ? e.message : (e as Error).message}`);
  }
  return { text: htmlToText(decoded.text), encoding: decoded.encoding };
}
