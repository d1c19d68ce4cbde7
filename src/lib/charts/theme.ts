// Shared look of the build-time charts: fonts, colours (contrast checked on white) and text measurement.

/** System CJK fonts only: the site loads no web fonts. */
export const FONT_FAMILY = `system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
/**
 * Every text in a chart, in SVG user units (= CSS px at natural size). The page's CSS sets the real
 * size in em (global.css, `.fzzl-chart`), so that chart text follows the 大字 switch; this is the
 * size at normal text, and the fallback of an SVG shown on its own.
 */
export const FONT_SIZE = 14;
/** The 大字 switch enlarges text by this much (global.css: --size 1rem → 1.25rem). */
export const LARGE_TEXT_SCALE = 1.25;
/** Size that margins and label columns are measured at, so that large text still fits. */
export const ROOM_SIZE = FONT_SIZE * LARGE_TEXT_SCALE;
/**
 * Default chart width: about a third of the desktop column (charts stand two or three abreast,
 * global.css `.chart-grid`), and small enough that text stays ≥ 11 px scaled to a 320 px phone.
 */
export const DEFAULT_WIDTH = 360;
/** Height of a row of a horizontal bar chart: the label beside its bar, one line of text. */
export const ROW_STEP = 20;
/** Labels beside bars take at most this share of the chart's width; longer ones end in “…”. */
export const LABEL_SHARE = 0.5;

/** Text colour, 16:1 on white (the site's --ink). */
export const INK = "#1b1f24";
/** Secondary text, 7.5:1 on white (the site's --muted). */
export const MUTED = "#4a5561";
export const PAPER = "#ffffff";

/**
 * Categorical colours, each ≥ 4.5:1 on white so that they may also colour text (end labels), and
 * distinguishable with the common colour-vision deficiencies for the first few (blue, orange, green).
 */
export const PALETTE = ["#0b5cad", "#a34a00", "#1d7a36", "#8a3d9e", "#b0232c", "#00727c", "#6b5e00", "#5b6570"] as const;
/** Colour of the "其他" group when there are more groups than colours. */
export const OTHER_COLOUR = "#5b6570";

/** Opacity of the fill of a figure that is not exact (余/近/约): lighter, with a dashed outline. */
export const QUALIFIED_FILL_OPACITY = 0.3;
export const QUALIFIED_DASH = "4 2";

/**
 * Width of a text in px, estimated without a browser: CJK and full-width characters are 1 em, the
 * rest about 0.6 em. Generous on purpose: it sizes margins, which must not cut labels off; by
 * default at the large-text size.
 */
export function textWidth(text: string, size = ROOM_SIZE): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || c === 0x2265 || c === 0x2264) em += 1;
    else if (ch === "," || ch === "." || ch === " ") em += 0.35;
    else em += 0.62;
  }
  return Math.ceil(em * size);
}

/** The text, cut to `max` px (estimated) with a trailing “…” when it is wider. */
export function fitText(text: string, max: number, size = ROOM_SIZE): string {
  if (textWidth(text, size) <= max) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join("")}…`, size) > max) chars.pop();
  return `${chars.join("")}…`;
}
