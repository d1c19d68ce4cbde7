// What the document readers (docx.ts, html.ts, pdf.ts) share: their result, their error, and the
// conversion of an HTML element tree (a web page, or mammoth's HTML of a .docx) into lines of text.

/** A reader's result: the report as plain text, before normalisation. */
export interface FormatText {
  text: string;
  /** start offset of each page in `text` (PDF only) */
  pages?: number[];
  /** the character encoding the bytes were decoded from, where the format has one (HTML) */
  encoding?: string;
}

/**
 * A file that its reader cannot read. The message says what is wrong and follows the file's
 * name: `${file}: ${message}`, e.g. "a.docx: not a valid .docx file: …".
 */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormatError";
  }
}

// --- DOM → lines ------------------------------------------------------------------------------

// The few DOM members used here, so that the code does not depend on lib.dom or linkedom's types.
export interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  localName?: string;
  textContent?: string | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose content is never text of the page. */
export const SKIPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
  "select", "option", "button", "input", "textarea", "head", "title", "meta", "link", "map", "audio", "video", "img",
]);

/** Elements that start and end a line. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
  "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
  "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

/** Elements whose text keeps its line breaks. */
const PRE = new Set(["pre", "plaintext", "xmp", "listing"]);

/** A table cell longer than this, or holding a table, is layout, not data: its row is not one line. */
const MAX_CELL = 200;

export function isElement(n: DomNode): boolean {
  return n.nodeType === ELEMENT;
}

export function tagOf(n: DomNode): string {
  return (n.localName ?? "").toLowerCase();
}

/** Hidden by the page itself (`hidden`, `display:none`, `visibility:hidden`). */
export function isHidden(n: DomNode): boolean {
  if (n.hasAttribute?.("hidden")) return true;
  const style = n.getAttribute?.("style");
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** One line of output and the block element it came from (for choosing a page's main text). */
export interface Line {
  text: string;
  /** the nearest block element the line's text sits in */
  block: DomNode | null;
  /** characters of the line that are link text */
  linkChars: number;
}

const CJK_OR_FULLWIDTH = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;
/** a collapsed whitespace run that contained a line break (see collapse) */
const SOFT = "\u0001";

/**
 * HTML whitespace collapsing. A run of spaces becomes one space; a run that contains a line break
 * becomes SOFT, decided when the line is finished: nothing between two Chinese characters (the
 * break is the page source's wrapping, not a space), a space otherwise. NBSP and the ideographic
 * space are text, as in a browser.
 */
function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, (ws) => (/[\n\r]/.test(ws) ? SOFT : " "));
}

function finishLine(s: string): string {
  let out = s.replace(/ *\u0001[ \u0001]*/g, SOFT);
  out = out.replace(/\u0001/g, (_m, i: number) => {
    const before = out[i - 1] ?? "";
    const after = out[i + 1] ?? "";
    return CJK_OR_FULLWIDTH.test(before) && CJK_OR_FULLWIDTH.test(after) ? "" : " ";
  });
  return out.replace(/ {2,}/g, " ").replace(/^ +| +$/g, "");
}

class LineWriter {
  readonly lines: Line[] = [];
  private cur = "";
  private link = 0;
  private block: DomNode | null = null;

  write(s: string, inLink: boolean, block: DomNode | null): void {
    if (s.length === 0) return;
    if (this.cur.length === 0) this.block = block;
    this.cur += s;
    if (inLink) this.link += s.length;
  }

  /** End the current line (a block boundary or <br>); empty lines are not kept. */
  end(): void {
    const text = finishLine(this.cur);
    if (text.length > 0) this.lines.push({ text, block: this.block, linkChars: Math.min(this.link, text.length) });
    this.cur = "";
    this.link = 0;
    this.block = null;
  }
}

/** Text of a node on one line: inner line breaks become spaces. */
export function inlineText(n: DomNode, skip?: (el: DomNode) => boolean): string {
  const w = new LineWriter();
  walk(n, w, false, null, skip);
  w.end();
  return w.lines.map((l) => l.text).join(" ");
}

function cellsOf(tr: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (const c of Array.from(tr.childNodes)) if (isElement(c) && (tagOf(c) === "td" || tagOf(c) === "th")) out.push(c);
  return out;
}

function containsTag(n: DomNode, tag: string): boolean {
  for (const c of Array.from(n.childNodes)) {
    if (!isElement(c)) continue;
    if (tagOf(c) === tag || containsTag(c, tag)) return true;
  }
  return false;
}

/** A data-table row: every cell short and without a nested table. */
function isDataRow(tr: DomNode, cells: DomNode[]): boolean {
  if (cells.length === 0) return false;
  for (const c of cells) {
    if (containsTag(c, "table")) return false;
    if ((c.textContent ?? "").replace(/\s+/g, "").length > MAX_CELL) return false;
  }
  return !containsTag(tr, "table");
}

function walk(n: DomNode, w: LineWriter, inLink: boolean, block: DomNode | null, skip?: (el: DomNode) => boolean, pre = false): void {
  for (const c of Array.from(n.childNodes)) {
    if (c.nodeType === TEXT) {
      const s = c.nodeValue ?? "";
      if (!pre) {
        w.write(collapse(s), inLink, block);
        continue;
      }
      // preformatted text keeps its lines
      s.split(/\r\n?|\n/).forEach((part, i) => {
        if (i > 0) w.end();
        w.write(part.replace(/[ \t\f]+/g, " "), inLink, block);
      });
      continue;
    }
    if (!isElement(c)) continue;
    const tag = tagOf(c);
    if (SKIPPED.has(tag) || isHidden(c) || skip?.(c)) continue;
    if (tag === "br") {
      w.end();
      continue;
    }
    if (tag === "tr") {
      const cells = cellsOf(c);
      if (isDataRow(c, cells)) {
        // one row, one line; cells separated by a tab (empty cells kept, so columns stay aligned)
        w.end();
        const texts = cells.map((cell) => (skip?.(cell) || isHidden(cell) ? "" : inlineText(cell, skip)));
        while (texts.length > 0 && texts.at(-1) === "") texts.pop();
        if (texts.length > 0) w.write(texts.join("\t"), false, c);
        w.end();
        continue;
      }
    }
    const isBlock = BLOCK.has(tag);
    if (isBlock) w.end();
    walk(c, w, inLink || tag === "a", isBlock ? c : block, skip, pre || PRE.has(tag));
    if (isBlock) w.end();
  }
}

/** The lines of an element's content: block elements and <br> end lines, table rows are one line each. */
export function blockLines(root: DomNode, skip?: (el: DomNode) => boolean): Line[] {
  const w = new LineWriter();
  let pre = false;
  for (let n: DomNode | null = root; n && !pre; n = n.parentNode) pre = isElement(n) && PRE.has(tagOf(n));
  walk(root, w, false, root, skip, pre);
  w.end();
  // tabs inside a row are kept; any other whitespace was collapsed
  return w.lines;
}

/** Count of CJK ideographs in s. */
export function cjkCount(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) k++;
  }
  return k;
}
