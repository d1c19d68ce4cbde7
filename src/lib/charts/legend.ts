// A legend drawn inside the chart's SVG (not Plot's HTML swatches), so that a chart is one <svg>.
import { FONT_SIZE, INK, MUTED, textWidth } from "./theme.ts";

export interface LegendItem {
  label: string;
  fill: string;
  fillOpacity?: number;
  stroke?: string;
  /** stroke-dasharray of the swatch outline */
  dash?: string;
  shape?: "square" | "circle";
}

export interface Legend {
  /** height taken, in px; 0 when there are no items */
  height: number;
  /** appends the legend as a `<g>` to the svg */
  draw(svg: Element, document: Document): void;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const SWATCH = 14;
const GAP = 6;
const ITEM_GAP = 16;
const ROW = 22;

/** Lays the items out in rows from (x, y), wrapping at `width`; an optional heading comes first ("县（市、区）："). */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number, heading = ""): Legend {
  const placed: { item: LegendItem; x: number; row: number }[] = [];
  const headingText = heading ? `${heading}：` : "";
  let cx = x + (headingText ? textWidth(headingText) + 2 : 0);
  let row = 0;
  for (const item of items) {
    const w = SWATCH + GAP + textWidth(item.label);
    if (cx > x && cx + w > x + width) {
      row += 1;
      cx = x;
    }
    placed.push({ item, x: cx, row });
    cx += w + ITEM_GAP;
  }
  const height = items.length ? (row + 1) * ROW : 0;
  return {
    height,
    draw(svg, document) {
      if (!items.length) return;
      const g = document.createElementNS(SVG_NS, "g");
      g.setAttribute("aria-label", "图例");
      g.setAttribute("font-size", String(FONT_SIZE));
      g.setAttribute("text-anchor", "start");
      if (headingText) {
        const h = document.createElementNS(SVG_NS, "text");
        h.setAttribute("x", String(x));
        h.setAttribute("y", String(y + ROW / 2));
        h.setAttribute("dy", "0.35em");
        h.setAttribute("fill", MUTED);
        h.textContent = headingText;
        g.appendChild(h);
      }
      for (const { item, x: ix, row: r } of placed) {
        const cy = y + r * ROW + ROW / 2;
        let swatch: Element;
        if (item.shape === "circle") {
          swatch = document.createElementNS(SVG_NS, "circle");
          swatch.setAttribute("cx", String(ix + SWATCH / 2));
          swatch.setAttribute("cy", String(cy));
          swatch.setAttribute("r", String(SWATCH / 2 - 2));
        } else {
          swatch = document.createElementNS(SVG_NS, "rect");
          swatch.setAttribute("x", String(ix + 0.75));
          swatch.setAttribute("y", String(cy - SWATCH / 2 + 0.75));
          swatch.setAttribute("width", String(SWATCH - 1.5));
          swatch.setAttribute("height", String(SWATCH - 1.5));
        }
        swatch.setAttribute("fill", item.fill);
        if (item.fillOpacity != null) swatch.setAttribute("fill-opacity", String(item.fillOpacity));
        if (item.stroke) {
          swatch.setAttribute("stroke", item.stroke);
          swatch.setAttribute("stroke-width", "1.5");
        }
        if (item.dash) swatch.setAttribute("stroke-dasharray", item.dash);
        g.appendChild(swatch);
        const text = document.createElementNS(SVG_NS, "text");
        text.setAttribute("x", String(ix + SWATCH + GAP));
        text.setAttribute("y", String(cy));
        text.setAttribute("dy", "0.35em");
        text.setAttribute("fill", INK);
        text.textContent = item.label;
        g.appendChild(text);
      }
      svg.appendChild(g);
    },
  };
}

/** A line of secondary text, such as "单位：件", vertically centred on y. */
export function unitNote(svg: Element, document: Document, text: string, x: number, y: number, anchor: "start" | "end" = "start"): void {
  const t = document.createElementNS(SVG_NS, "text");
  t.setAttribute("x", String(x));
  t.setAttribute("y", String(y));
  t.setAttribute("dy", "0.35em");
  t.setAttribute("text-anchor", anchor);
  t.setAttribute("fill", MUTED);
  t.textContent = text;
  svg.appendChild(t);
}
