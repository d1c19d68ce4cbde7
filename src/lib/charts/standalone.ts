// A chart as a file of its own (下载图片): its SVG with the title, the summary, the source line and
// the citation drawn in as SVG text, on white, for Word and PowerPoint. Pure string building (no DOM),
// shared by the browser script that downloads it (src/scripts/chartDownload.ts) and the tests.
import { FONT_FAMILY, INK, MUTED, PAPER, textWidth } from "./theme.ts";

export interface StandaloneParts {
  /** the chart's <svg> serialised as XML (XMLSerializer), with its own width and height */
  chart: string;
  /** the chart's size in SVG units (its viewBox) */
  width: number;
  height: number;
  title: string;
  /** the one-sentence summary under the title */
  caption: string;
  /** 数据来源… */
  source: string;
  /** how to cite the chart (chartCitation) */
  citation: string;
}

/** The look of the frame around the chart: sizes in SVG units (px at 1×). */
export const FRAME = {
  pad: 20,
  /** the frame is at least this wide, so that a narrow chart's title still reads */
  minWidth: 480,
  title: { size: 18, line: 26, weight: "bold", colour: INK },
  caption: { size: 13, line: 20, weight: "normal", colour: MUTED },
  note: { size: 11, line: 16, weight: "normal", colour: MUTED },
  gap: 12,
} as const;

/** How much larger the PNG is drawn than the chart's own size: 3× (print at ~16 cm needs ~1,900 px). */
export const PNG_SCALE = 3;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Runs kept on one line when they fit: numbers, Latin words, URLs. */
const WORD = /[A-Za-z0-9/#][A-Za-z0-9.,:/#?=&%_+~-]*/y;
/** Punctuation that never starts a line (it stays at the end of the line before, as in print). */
const NO_LINE_START = /^[，。、；：？！）》」』”’%,.;:?!)\]]$/u;
/** Punctuation that never ends a line (it moves to the next line with what it opens). */
const NO_LINE_END = /[（《「『“‘(\[]$/u;

function tokens(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    const t = m ? m[0] : String.fromCodePoint(text.codePointAt(i)!);
    out.push(t);
    i += t.length;
  }
  return out;
}

/**
 * Breaks a text into lines no wider than `width` at `size` (estimated: textWidth). CJK breaks between
 * any two characters; a number, word or URL moves to the next line whole (and is cut only when longer
 * than a line); closing punctuation stays on the line it closes.
 */
export function wrapText(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = "";
  const push = () => {
    // an opening bracket at the end of the line moves down with what it opens
    const carry = line.length > 1 && NO_LINE_END.test(line) ? line.slice(-1) : "";
    if (carry) line = line.slice(0, -1);
    if (line.trim()) lines.push(line.trimEnd());
    line = carry;
  };
  for (const t of tokens(text)) {
    if (textWidth(line + t, size) <= width || NO_LINE_START.test(t)) {
      line += t;
    } else if (textWidth(t, size) > width) {
      for (const ch of t) {
        if (line && textWidth(line + ch, size) > width) push();
        line += ch;
      }
    } else {
      push();
      line += t === " " ? "" : t;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

interface Block {
  lines: string[];
  style: (typeof FRAME)["title" | "caption" | "note"];
}

function textBlock(b: Block, x: number, y: number): string {
  const spans = b.lines.map((l, i) => `<tspan x="${x}" y="${y + b.style.size + i * b.style.line}">${escapeXml(l)}</tspan>`).join("");
  return `<text font-size="${b.style.size}" font-weight="${b.style.weight}" fill="${b.style.colour}">${spans}</text>`;
}

const height = (b: Block) => (b.lines.length === 0 ? 0 : (b.lines.length - 1) * b.style.line + b.style.size + (b.style.line - b.style.size));

/**
 * The standalone SVG document. `scale` multiplies its width and height attributes (not its
 * viewBox): 1 for the SVG download, PNG_SCALE for the image the PNG is drawn from.
 */
export function standaloneSvg(p: StandaloneParts, scale = 1): { svg: string; width: number; height: number } {
  const { pad, gap } = FRAME;
  const width = Math.ceil(Math.max(p.width + 2 * pad, FRAME.minWidth));
  const inner = width - 2 * pad;
  const title: Block = { lines: wrapText(p.title, inner, FRAME.title.size), style: FRAME.title };
  const caption: Block = { lines: p.caption ? wrapText(p.caption, inner, FRAME.caption.size) : [], style: FRAME.caption };
  const notes: Block = { lines: [p.source, p.citation].filter(Boolean).flatMap((t) => wrapText(t, inner, FRAME.note.size)), style: FRAME.note };
  let y = pad;
  const parts: string[] = [];
  parts.push(textBlock(title, pad, y));
  y += height(title) + (caption.lines.length ? 4 : 0);
  parts.push(textBlock(caption, pad, y));
  y += height(caption) + gap;
  // the chart centred in the frame
  const chartX = pad + Math.max(0, (inner - p.width) / 2);
  parts.push(`<g transform="translate(${chartX},${y})">${p.chart}</g>`);
  y += p.height + gap;
  parts.push(textBlock(notes, pad, y));
  y += height(notes) + pad;
  const h = Math.ceil(y);
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width * scale}" height="${h * scale}" viewBox="0 0 ${width} ${h}" font-family="${escapeXml(FONT_FAMILY)}" role="img" aria-label="${escapeXml(p.title)}">` +
    `<title>${escapeXml(p.title)}</title><desc>${escapeXml(p.caption)}</desc>` +
    `<rect width="${width}" height="${h}" fill="${PAPER}"/>` +
    parts.join("") +
    `</svg>\n`;
  return { svg, width, height: h };
}

/** The file name of a chart's download (without extension): 法治镇览-{title}, without characters file systems refuse. */
export function chartFileName(title: string): string {
  return `法治镇览-${title}`.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 120);
}
