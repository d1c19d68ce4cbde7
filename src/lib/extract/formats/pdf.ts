// A PDF with a text layer → the report's text, with pdfjs-dist's legacy build (runs on Node 20).
//
// Per page, the text items are grouped into lines by their baseline (top to bottom, each line
// left to right; a wide gap becomes a tab, as between table cells). Running headers and footers
// (the same line at the top or bottom of most pages, page numbers) are dropped. Lines wrapped by
// the layout are joined back into paragraphs: a line that runs to the right margin, not ending a
// sentence, continues on the next line when that one is not indented, also across a page break.
// Pages are separated by a form feed where a paragraph does not continue, and the start offset of
// every page in the text is returned, so that evidence can say on which page it is.
// A PDF without text (a scan) is an error: there is nothing to read without OCR.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type FormatText, FormatError } from "./common.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsPromise: Promise<PdfJs> | null = null;
/** Loaded on first use: reading .txt reports does not pay for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
}

/** pdfjs's character maps (CJK fonts that are not embedded) and standard fonts, as directories. */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
}

interface Item {
  str: string;
  x: number;
  /** baseline, from the top of the page */
  y: number;
  w: number;
  size: number;
}

interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** holds a table-cell gap */
  cells: boolean;
}

const SENTENCE_END = /[。！？；：!?;:…]$/;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/**
 * Radicals that PDF producers (Word's export among them) put in the text layer instead of the
 * ideograph with the same glyph: ⼈ (U+2F08) for 人, ⺠ (U+2EA0) for 民. Kangxi radicals map by
 * NFKC; the CJK Radicals Supplement ones that stand for a whole character are listed here.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  "\u2e9f": "母", "\u2ea0": "民", "\u2ea9": "王", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec9": "贝",
  "\u2ecb": "车", "\u2ed1": "長", "\u2ed3": "长", "\u2ed4": "门", "\u2ed7": "雨", "\u2ed8": "青", "\u2ed9": "韦",
  "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食", "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼",
  "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾", "\u2eec": "齐",
  "\u2eee": "齿", "\u2ef0": "龙", "\u2ef3": "龟",
};

export function fixRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => RADICAL_SUPPLEMENT[c] ?? (c >= "\u2f00" ? c.normalize("NFKC") : c));
}

/** Items → lines: grouped by baseline, ordered top to bottom and left to right. */
function toLines(items: Item[]): PdfLine[] {
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const it of items) {
    const g = groups.at(-1);
    const ref = g?.[0];
    if (g && ref && Math.abs(it.y - ref.y) <= 0.4 * Math.min(it.size, ref.size)) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = "";
    let cells = false;
    let end = -Infinity;
    let prev: Item | null = null;
    for (const it of g) {
      if (prev) {
        const gap = it.x - end;
        const size = Math.max(prev.size, it.size);
        const last = text.at(-1) ?? "";
        const next = it.str[0] ?? "";
        if (gap > 1.5 * size) {
          text += "\t";
          cells = true;
        } else if (!/\s/.test(last) && !/\s/.test(next)) {
          const latin = !CJK.test(last) && !CJK.test(next);
          if (gap > (latin ? 0.2 : 0.6) * size) text += " ";
        }
      }
      text += it.str;
      end = Math.max(end, it.x + it.w);
      prev = it;
    }
    const size = g.reduce((m, it) => Math.max(m, it.size), 0);
    return { text: text.replace(/[ \u00a0]+$/, "").replace(/^[ \u00a0]+/, ""), x0: g[0]!.x, x1: end, y: g[0]!.y, size, cells };
  });
}

const PAGE_NUMBER = /^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;
/** A running line is the same text (up to its numbers) at the same height on the page. */
const keyOf = (l: PdfLine) => `${l.text.replace(/\s+/g, "").replace(/\d+/g, "#")}@${Math.round(l.y / 4)}`;

/** Drops running headers and footers: lines at the top or bottom that recur on most pages, page numbers. */
function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const EDGE = 2;
  const top = new Map<string, number>();
  const bottom = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(lines.slice(0, EDGE).map(keyOf))) top.set(k, (top.get(k) ?? 0) + 1);
    for (const k of new Set(lines.slice(-EDGE).map(keyOf))) bottom.set(k, (bottom.get(k) ?? 0) + 1);
  }
  const min = Math.max(2, Math.ceil(pages.length / 2));
  const running = (counts: Map<string, number>, l: PdfLine) => pages.length >= 2 && (counts.get(keyOf(l)) ?? 0) >= min;
  return pages.map((lines) => {
    let a = 0;
    let b = lines.length;
    for (let k = 0; k < EDGE && a < b && (running(top, lines[a]!) || PAGE_NUMBER.test(lines[a]!.text)); k++) a++;
    for (let k = 0; k < EDGE && b > a && (running(bottom, lines[b - 1]!) || PAGE_NUMBER.test(lines[b - 1]!.text)); k++) b--;
    return lines.slice(a, b);
  });
}

interface Margins {
  left: number;
  right: number;
}

/** The body's margins: where most lines start, and the right end of the text. */
function marginsOf(lines: PdfLine[]): Margins {
  if (lines.length === 0) return { left: 0, right: 0 };
  let left = Infinity;
  let right = -Infinity;
  for (const l of lines) {
    left = Math.min(left, l.x0);
    right = Math.max(right, l.x1);
  }
  return { left, right };
}

/** Does `b` continue the paragraph of `a` (a wrapped by the layout)? */
function continues(a: PdfLine, b: PdfLine, m: Margins, samePage: boolean): boolean {
  if (a.cells || b.cells) return false;
  if (SENTENCE_END.test(a.text)) return false;
  const size = a.size;
  if (Math.abs(a.size - b.size) > 0.2 * size) return false;
  if (a.x1 < m.right - 1.5 * size) return false; // a ends before the margin: its paragraph ended
  if (b.x0 > m.left + 0.5 * size) return false; // b is indented: a new paragraph
  if (samePage && b.y - a.y > 2.5 * size) return false; // a gap between paragraphs
  return true;
}

function joiner(a: string, b: string): string {
  const last = a.at(-1) ?? "";
  const first = b[0] ?? "";
  return CJK.test(last) || CJK.test(first) || /[-‐]$/.test(a) ? "" : " ";
}

/** Bytes of a .pdf file → the report's text and the start offset of each page. Throws FormatError. */
export async function readPdf(bytes: Uint8Array): Promise<FormatText> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) throw new FormatError("not a valid .pdf file: it does not start with %PDF-");
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy: pdfjs takes ownership of the buffer
    ...pdfjsData(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (e) {
      const err = e as Error;
      if (err?.name === "PasswordException") throw new FormatError("the PDF is password-protected: remove the password, or supply the report as text");
      throw new FormatError(`not a valid .pdf file: ${err?.message ?? String(e)}`);
    }
    const pages: PdfLine[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!("str" in raw) || raw.str.trim().length === 0) continue;
        const tx = pdfjs.Util.transform(viewport.transform, raw.transform) as number[];
        const size = Math.hypot(tx[2]!, tx[3]!) || raw.height || 1;
        items.push({ str: fixRadicals(raw.str), x: tx[4]!, y: tx[5]!, w: raw.width * viewport.scale, size });
      }
      pages.push(toLines(items));
      page.cleanup();
    }
    const kept = dropRunningLines(pages);
    const margins = marginsOf(kept.flat());

    let text = "";
    const starts: number[] = [];
    let prev: PdfLine | null = null;
    let prevPage = -1;
    for (let p = 0; p < kept.length; p++) {
      let pageStarted = false;
      for (const line of kept[p]!) {
        if (prev === null) {
          // first line of the text
        } else if (continues(prev, line, margins, prevPage === p)) {
          text += joiner(text, line.text);
        } else {
          text += prevPage === p ? "\n" : "\f";
        }
        if (!pageStarted) {
          starts.push(text.length);
          pageStarted = true;
        }
        text += line.text;
        prev = line;
        prevPage = p;
      }
      if (!pageStarted) starts.push(text.length); // a page without text starts where the next one does
    }
    if (text.replace(/\s+/g, "").length < 20) {
      throw new FormatError(
        `no text layer in the PDF (${doc.numPages} page${doc.numPages === 1 ? "" : "s"} without text): a scanned PDF must be OCRed, or the report supplied as text`,
      );
    }
    return { text, pages: starts };
  } finally {
    await task.destroy();
  }
}
