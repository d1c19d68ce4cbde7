// Pathological input: one report whose body is a single sentence of many figures (a table
// flattened into one line), the input on which extraction once took time quadratic in the figures
// of a sentence. tests/linearTime.test.ts checks that the time grows linearly; this script gives
// the absolute figures of BENCHMARKS.md ("Pathological input"):
//
//   npx tsx scripts/bench/pathological.ts [--figures 100000] [--separator ，] [--pad 18]
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { extractText } from "../../src/lib/extract/extract.ts";

/** The kinds of wording whose handling once grew with the figures of the sentence before them. */
const PIECES = [
  "开展普法宣传活动56次", // a total …
  "其中入户宣传10次", // … and its parts (其中 since the total)
  "（含网格员法治培训2场", // a bracket left open
  "为网格员开展法治培训2场", // the same figure for the same target: a repeat check
  "无行政复议案件发生", // zero statements
  "受教育群众十余万人次", // Chinese numerals
  "发放宣传资料2万6千余份",
  "调解纠纷一百 五 十 二件", // spaced numerals
  "完成2025年度工作", // figures that count nothing between those that do
  "每年组织培训4次", // a routine in a long clause
];

/** Words without figures put before each figure (`pad` characters), to reach a given length. */
const PADDING = "围绕中心服务大局扎实推进基层依法治理工作稳步提升群众满意度持续增强";

/** One report whose body is a single sentence of `figures` figures, `separator` between them. */
export function pathologicalReport(figures: number, separator = "，", pad = 0): string {
  const lead = PADDING.repeat(Math.ceil(pad / PADDING.length)).slice(0, pad);
  const parts = ["某某镇2024年法治政府建设情况报告\n2024年，某某镇"];
  for (let i = 0; i < figures; i++) parts.push(lead, PIECES[i % PIECES.length]!, separator);
  return parts.join("") + "。\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { figures: { type: "string", default: "100000" }, separator: { type: "string", default: "，" }, pad: { type: "string", default: "18" } },
  });
  const text = pathologicalReport(Number(values.figures), values.separator, Number(values.pad));
  extractText("warm-up.txt", text.slice(0, 5000));
  const t0 = performance.now();
  const rec = extractText("pathological.txt", text);
  const seconds = (performance.now() - t0) / 1000;
  const mentions = Object.values(rec.indicators).reduce((n, t) => n + t.mentions.length, 0);
  const mb = Buffer.byteLength(text) / 1e6;
  console.log(`${values.figures} figures, ${(text.length / 1e6).toFixed(2)} M chars (${mb.toFixed(1)} MB): ${seconds.toFixed(2)} s, ${mentions} mentions, errors ${rec.errors.length}`);
}
