// 下载图片 (PNG) and 下载 SVG for every chart figure (src/components/ChartFigure.astro). Without
// JavaScript the buttons stay hidden and the chart reads as before. With it, a button makes the chart
// a file of its own: the chart's SVG with its title, summary, source line and citation drawn in
// (src/lib/charts/standalone.ts); the PNG is that SVG drawn on a canvas at PNG_SCALE×. Nothing is
// fetched: the image is a blob: URL of text already on the page, the fonts are the browser's own.
import { PNG_SCALE, chartFileName, standaloneSvg, type StandaloneParts } from "../lib/charts/standalone.ts";

function partsOf(figure: HTMLElement): StandaloneParts | null {
  const svg = figure.querySelector<SVGSVGElement>(".chart-svg svg");
  if (!svg) return null;
  const box = svg.viewBox.baseVal;
  const width = box && box.width ? box.width : svg.width.baseVal.value;
  const height = box && box.height ? box.height : svg.height.baseVal.value;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // its natural size, whatever the page's CSS (width: 100%; height: auto) made of it; no style
  // attribute, which a page's Content-Security-Policy would refuse wherever the file is parsed again
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const text = (sel: string) => figure.querySelector(sel)?.textContent?.trim() ?? "";
  return {
    chart: new XMLSerializer().serializeToString(copy),
    width,
    height,
    title: text(".chart-title"),
    caption: text(".summary"),
    source: figure.dataset.source ?? "",
    citation: text(".chart-cite-text"),
  };
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * PNG_SCALE;
      canvas.height = height * PNG_SCALE;
      const ctx = canvas.getContext("2d");
      if (!ctx) return reject(new Error("no canvas"));
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob gave nothing"))), "image/png");
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("the chart image did not load"));
    };
    img.src = url;
  });
}

function enhance(tools: HTMLElement): void {
  const figure = tools.closest<HTMLElement>("figure.chart");
  if (!figure) return;
  const status = tools.querySelector<HTMLElement>("[role=status]");
  const say = (t: string) => {
    if (status) status.textContent = t;
  };
  tools.hidden = false;
  tools.addEventListener("click", async (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>("button[data-format]");
    if (!button) return;
    const parts = partsOf(figure);
    if (!parts) return say("找不到图表。");
    const name = chartFileName(parts.title);
    try {
      if (button.dataset.format === "svg") {
        save(new Blob([standaloneSvg(parts).svg], { type: "image/svg+xml" }), `${name}.svg`);
        say("已生成 SVG 文件。");
      } else {
        button.disabled = true;
        const { svg, width, height } = standaloneSvg(parts, PNG_SCALE);
        save(await pngOf(svg, width, height), `${name}.png`);
        say("已生成 PNG 图片。");
      }
    } catch (err) {
      say(`未能生成图片：${(err as Error).message}`);
    } finally {
      button.disabled = false;
    }
  });
}

document.querySelectorAll<HTMLElement>("[data-chart-tools]").forEach(enhance);
