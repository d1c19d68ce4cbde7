// Observable Plot → an accessible, deterministic SVG string, at build time (linkedom as the document).
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { DEFAULT_WIDTH, FONT_FAMILY, FONT_SIZE, INK } from "./theme.ts";

export interface RenderOptions extends Omit<Plot.PlotOptions, "title" | "subtitle" | "caption" | "document" | "figure"> {
  /** accessible name of the chart: the svg's <title> */
  title: string;
  /** accessible description (what the chart shows, in a sentence): the svg's <desc> */
  description: string;
  /**
   * Prefix of the ids inside the svg (title, desc): must be unique on the page. Default: a hash of
   * the chart, so two different charts on one page never clash and the output stays deterministic.
   */
  id?: string;
  /** adds elements Plot cannot draw (the in-SVG legend) before the accessibility pass */
  decorate?: (svg: Element, document: Document) => void;
}

const SVG_NS = "http://www.w3.org/2000/svg";
/** Class of every chart svg (Plot's default, "plot-d6a7b5", is constant too; this one is ours to style). */
export const CHART_CLASS = "fzzl-chart";

/** FNV-1a, 32 bits, base 36: a short stable hash for ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function newDocument(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document;
}

/**
 * Renders a Plot to an SVG string:
 * - root `<svg role="img">` named by its `<title>` and described by its `<desc>`;
 * - every `<g aria-label>` gets `role="group"` (aria-label is prohibited on a role-less g);
 * - system CJK font stack, 14 px text, ink (the page's CSS sizes the text in em: global.css);
 * - no `<style>` element and no `style` attribute (Plot's own styles are in global.css), so that
 *   the Content-Security-Policy needs no hash or 'unsafe-inline' for charts;
 * - keeps Plot's viewBox, width and height: with `width: 100%; height: auto` it fills its column;
 * - byte-identical across runs: Plot's class name is constant and its only counter (clip ids) is
 *   renumbered per chart.
 */
export function renderSvg(options: RenderOptions): string {
  const { title, description, id, decorate, ...plotOptions } = options;
  const document = newDocument();
  const node = Plot.plot({
    width: DEFAULT_WIDTH,
    className: CHART_CLASS,
    ...plotOptions,
    document,
  }) as Element;
  if (node.tagName.toLowerCase() !== "svg") {
    throw new Error("renderSvg: Plot returned a <figure>; use the in-SVG legend (legend.ts), not Plot's legends or titles");
  }
  const svg = node;
  svg.setAttribute("font-family", FONT_FAMILY);
  svg.setAttribute("font-size", String(FONT_SIZE));
  svg.setAttribute("fill", INK);
  svg.setAttribute("color", INK);
  svg.removeAttribute("style");
  for (const style of svg.querySelectorAll("style")) style.remove();
  svg.removeAttribute("aria-label");
  svg.removeAttribute("aria-description");
  decorate?.(svg, document);

  for (const el of svg.querySelectorAll("[aria-label]")) {
    if (el.hasAttribute("role")) continue;
    // a labelled g is a group; a lone labelled shape (Plot's frame) is decoration inside role="img"
    if (el.tagName.toLowerCase() === "g") el.setAttribute("role", "group");
    else el.removeAttribute("aria-label");
  }

  const prefix = id ?? `fzc-${hash(`${title}\u0000${description}\u0000${svg.outerHTML.replace(/plot-clip-\d+/g, "clip")}`)}`;
  // Plot numbers clip paths with a module-wide counter: make them per chart and unique on the page.
  const clipIds = new Map<string, string>();
  for (const el of svg.querySelectorAll("[id^='plot-clip-']")) {
    const old = el.getAttribute("id") ?? "";
    const fresh = `${prefix}-clip-${clipIds.size + 1}`;
    clipIds.set(old, fresh);
    el.setAttribute("id", fresh);
  }
  if (clipIds.size) {
    for (const el of svg.querySelectorAll("[clip-path]")) {
      const ref = (el.getAttribute("clip-path") ?? "").replace(/url\(#(plot-clip-\d+)\)/, (m, old: string) => `url(#${clipIds.get(old) ?? old})`);
      el.setAttribute("clip-path", ref);
    }
  }

  const titleEl = document.createElementNS(SVG_NS, "title");
  titleEl.setAttribute("id", `${prefix}-svg-title`);
  titleEl.textContent = title;
  const descEl = document.createElementNS(SVG_NS, "desc");
  descEl.setAttribute("id", `${prefix}-svg-desc`);
  descEl.textContent = description;
  svg.insertBefore(descEl, svg.firstChild);
  svg.insertBefore(titleEl, descEl);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", `${prefix}-svg-title`);
  svg.setAttribute("aria-describedby", `${prefix}-svg-desc`);
  return svg.outerHTML;
}

/** A small chart that says there is nothing to draw ("暂无数据"), with the same accessibility. */
export function emptyChartSvg(o: { title: string; description: string; width?: number; message?: string }): string {
  const message = o.message ?? "暂无数据";
  return renderSvg({
    title: o.title,
    description: o.description || message,
    width: o.width ?? DEFAULT_WIDTH,
    height: 64,
    margin: 0,
    x: { axis: null },
    y: { axis: null },
    marks: [Plot.frame({ stroke: "#c9d1d9" }), Plot.text([message], { frameAnchor: "middle", fill: INK, fontSize: FONT_SIZE })],
  });
}
