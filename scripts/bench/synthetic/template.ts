// A small template language for the synthetic reports:
//   <a|b|c>            one of the alternatives, at random (nestable)
//   {T} {Y} {me} …     a variable of the report (township, year, 我镇, …)
//   {#DH:件}           a figure of an indicator (alias from figures.ts) with its unit, drawn at random
//                      and written with a qualifier; options after a second colon:
//                      part (a breakdown of the last figure of the same indicator, after 其中),
//                      near=X (close to, at most, figure X of the template: 化解 after 排查),
//                      of=X (a share of figure X), exact (no qualifier)
//   {0:ARC}            records a statement that nothing happened (value 0), writes nothing
//   {~20-80}           a number that counts no indicator (villages covered, a score), not recorded
// Rendering records every figure it writes, so that the report's true figures are known.
import type { Qualifier } from "../../../src/lib/extract/types.js";
import { ALIASES, COUNT_RANGES, RATE_IDS, drawRate, writeFigure, type FigureMode } from "./figures.js";
import type { Rng } from "./prng.js";

export interface GeneratedMention {
  indicator: string;
  value: number;
  qualifier: Qualifier;
  part: boolean;
}

export interface RenderState {
  rng: Rng;
  vars: Record<string, string>;
  mentions: GeneratedMention[];
  /** written values per indicator: a figure told twice with the same value could read as one activity told twice */
  used: Map<string, Set<number>>;
}

/** Figures that cannot exceed another of the same report (化解 ≤ 排查, 人民调解 ≤ 排查). */
const BOUNDED_BY: Record<string, string> = {
  disputes_resolved: "disputes_handled",
  people_mediation_cases: "disputes_handled",
};
const BOUNDS: Record<string, string[]> = { disputes_handled: ["disputes_resolved", "people_mediation_cases"] };

/** The first figure the report has written for an indicator (not a part). */
function firstValue(st: RenderState, id: string): number | null {
  return st.mentions.find((m) => m.indicator === id && !m.part)?.value ?? null;
}

type Node = string | Node[][];

const parsed = new Map<string, Node[]>();

function parse(t: string): Node[] {
  let i = 0;
  const seq = (inGroup: boolean): Node[][] => {
    const options: Node[][] = [];
    let cur: Node[] = [];
    let text = "";
    const flush = () => {
      if (text) cur.push(text);
      text = "";
    };
    while (i < t.length) {
      const ch = t[i]!;
      if (ch === "<") {
        i++;
        flush();
        cur.push(seq(true));
        continue;
      }
      if (inGroup && ch === "|") {
        i++;
        flush();
        options.push(cur);
        cur = [];
        continue;
      }
      if (inGroup && ch === ">") {
        i++;
        flush();
        options.push(cur);
        return options;
      }
      text += ch;
      i++;
    }
    if (inGroup) throw new Error(`unclosed < in template: ${t}`);
    flush();
    options.push(cur);
    return options;
  };
  return seq(false)[0]!;
}

function expandNodes(nodes: Node[], rng: Rng): string {
  let out = "";
  for (const n of nodes) out += typeof n === "string" ? n : expandNodes(rng.pick(n), rng);
  return out;
}

/** The template with every <a|b> choice made. */
export function expandAlternatives(t: string, rng: Rng): string {
  let nodes = parsed.get(t);
  if (!nodes) {
    nodes = parse(t);
    parsed.set(t, nodes);
  }
  return expandNodes(nodes, rng);
}

function indicatorOf(alias: string): string {
  const id = ALIASES[alias];
  if (!id) throw new Error(`unknown indicator alias ${alias}`);
  return id;
}

/** The indicators a template writes figures of (or records as zero). */
export function templateIndicators(t: string): string[] {
  const ids = new Set<string>();
  for (const m of t.matchAll(/\{(?:#|0:)([A-Z]+)/g)) ids.add(indicatorOf(m[1]!));
  return [...ids];
}

function drawCount(id: string, st: RenderState, base: number | null, kind: "free" | "near" | "of" | "part"): number {
  const { rng } = st;
  if (kind === "near" && base !== null) return Math.max(1, base - rng.int(0, Math.floor(base * 0.12)));
  if (kind === "of" && base !== null) return Math.max(1, Math.round(base * (0.2 + rng.next() * 0.55)));
  if (kind === "part" && base !== null) return Math.max(1, Math.round(base * (0.1 + rng.next() * 0.5)));
  // figures told in other sentences of the report still agree: 化解 never more than 排查
  const bound = BOUNDED_BY[id] ? firstValue(st, BOUNDED_BY[id]) : null;
  if (bound !== null) return Math.max(1, Math.round(bound * (id === "disputes_resolved" ? 0.85 + rng.next() * 0.15 : 0.2 + rng.next() * 0.5)));
  const below = (BOUNDS[id] ?? []).map((x) => firstValue(st, x)).filter((v): v is number => v !== null);
  if (below.length > 0) return Math.max(...below) + rng.int(0, Math.ceil(Math.max(...below) * 0.15));
  const [lo, hi] = COUNT_RANGES[id] ?? [1, 100];
  return rng.logInt(lo, hi);
}

/** Renders one template: alternatives, variables, figures. Figures are recorded in `st.mentions`. */
export function render(template: string, st: RenderState): string {
  const text = expandAlternatives(template, st.rng);
  /** the last figure written per indicator in this template (for near=/of=/part) */
  const local = new Map<string, number>();
  return text.replace(/\{([^{}]+)\}/g, (_all, body: string) => {
    if (body.startsWith("0:")) {
      st.mentions.push({ indicator: indicatorOf(body.slice(2)), value: 0, qualifier: "exact", part: false });
      return "";
    }
    if (body.startsWith("~")) {
      const [lo = 1, hi = lo] = body.slice(1).split("-").map(Number);
      return String(st.rng.int(lo, hi));
    }
    if (!body.startsWith("#")) {
      const v = st.vars[body];
      if (v === undefined) throw new Error(`unknown template variable {${body}}`);
      return v;
    }
    const [alias = "", unit = "", optText = ""] = body.slice(1).split(":");
    const id = indicatorOf(alias);
    const opts = optText ? optText.split(",") : [];
    const part = opts.includes("part");
    const rel = opts.find((o) => o.startsWith("near=") || o.startsWith("of="));
    const relKind = rel ? (rel.startsWith("near=") ? "near" : "of") : part ? "part" : "free";
    const baseId = rel ? indicatorOf(rel.split("=")[1]!) : id;
    const base = relKind === "free" ? null : (local.get(baseId) ?? null);
    const used = st.used.get(id) ?? new Set<number>();
    st.used.set(id, used);
    const mode: FigureMode = RATE_IDS.has(id) ? "rate" : part ? "part" : opts.includes("exact") ? "exact" : "count";
    let fig = null;
    for (let attempt = 0; attempt < 8; attempt++) {
      const v = RATE_IDS.has(id) ? drawRate(id, st.rng) : drawCount(id, st, base, relKind);
      fig = writeFigure(v + attempt, unit, st.rng, attempt > 3 ? "exact" : mode);
      if (!used.has(fig.value) || RATE_IDS.has(id)) break;
    }
    used.add(fig!.value);
    if (!part) local.set(id, fig!.value);
    st.mentions.push({ indicator: id, value: fig!.value, qualifier: fig!.qualifier, part });
    return fig!.text;
  });
}
