// A pure port of the reference evaluator tests/fixtures/eval/score.mjs.
//
// It computes exactly what score.mjs computes (pairing by file base name, the
// gold totals rule, part/repeat handling, rates, blank metadata, 0/0 = 1, F1),
// so tests can assert thresholds without spawning node. Keep it in step with
// score.mjs: tests/score.test.ts checks the two agree.

export interface GoldMention {
  indicator: string;
  value: number;
  qualifier: string;
  quote?: string;
  part?: boolean;
  repeat?: boolean;
}

export interface GoldReport {
  file: string;
  township: string | null;
  county: string | null;
  city?: string | null;
  province: string | null;
  code: string | null;
  year: number | null;
  totals?: Record<string, number[]>;
  mentions: GoldMention[];
}

export interface PredReport {
  file: string;
  township?: string | null;
  county?: string | null;
  province?: string | null;
  code?: string | null;
  year?: number | null;
  indicators?: Record<
    string,
    { value: number | null; qualifier?: string; mentions?: { value: number; qualifier?: string; part?: boolean }[] }
  >;
}

export interface IndicatorCounts {
  goldCells: number;
  predCells: number;
  cellsRight: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  totals: { precision: number; recall: number; f1: number };
  mentions: { precision: number; recall: number; f1: number };
  /** share of right metadata fields */
  metadata: number;
  metadataByField: Record<string, { right: number; all: number }>;
  qualifiers: { right: number; all: number };
  perIndicator: Record<string, IndicatorCounts>;
  missingRecords: number;
  /** the same miss lines score.mjs prints with --errors, same wording */
  errors: string[];
}

/** The metadata fields scored, in the order score.mjs reports them. */
export const META = ["township", "county", "province", "code", "year"] as const;
type MetaField = (typeof META)[number];

/** Indicators whose total is the first figure given, not the sum. */
export const RATE: ReadonlySet<string> = new Set([
  "dispute_resolution_rate",
  "petition_resolution_rate",
  "enforcement_certified_rate",
]);

const same = (a: unknown, b: unknown): boolean => a != null && b != null && Math.abs(Number(a) - Number(b)) < 1e-9;
const blank = (v: unknown): boolean => v == null || v === "";

/** POSIX basename, as node:path gives it on Linux (trailing slashes dropped). */
export function basename(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end -= 1;
  if (end === 0) return "";
  const trimmed = path.slice(0, end);
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/**
 * The accepted totals per indicator of one gold report: the sum of its mentions
 * that are neither parts nor repeats (for a rate, the first such mention),
 * replaced by the hand-labelled list in `totals` where there is one.
 */
export function goldTotals(r: GoldReport): Record<string, number[]> {
  const totals: Record<string, number[]> = {};
  for (const m of r.mentions) {
    if (m.part || m.repeat) continue;
    const t = (totals[m.indicator] ??= []);
    if (RATE.has(m.indicator)) {
      if (t.length === 0) t.push(m.value);
    } else {
      t[0] = (t[0] ?? 0) + m.value;
    }
  }
  for (const [k, v] of Object.entries(r.totals ?? {})) totals[k] = v;
  return totals;
}

interface PredMention {
  indicator: string;
  value: number;
  qualifier: string | undefined;
}

function predMentions(rec: PredReport | undefined): PredMention[] {
  const out: PredMention[] = [];
  for (const [id, ind] of Object.entries(rec?.indicators ?? {})) {
    for (const m of ind?.mentions ?? []) {
      if (m.part) continue;
      out.push({ indicator: id, value: Number(m.value), qualifier: m.qualifier });
    }
  }
  return out;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

export function score(gold: GoldReport[], preds: PredReport[]): Score {
  const predByName = new Map(preds.map((r) => [basename(String(r.file ?? "")), r] as const));

  const meta: Record<string, { right: number; all: number }> = Object.fromEntries(
    META.map((k) => [k, { right: 0, all: 0 }]),
  );
  const per: Record<string, IndicatorCounts> = {};
  const bump = (id: string, k: keyof IndicatorCounts): void => {
    (per[id] ??= { goldCells: 0, predCells: 0, cellsRight: 0, tp: 0, fp: 0, fn: 0 })[k] += 1;
  };
  let qualRight = 0;
  let qualAll = 0;
  let missingRecords = 0;
  const errors: string[] = [];

  for (const g of gold) {
    const name = basename(g.file);
    const p = predByName.get(name);
    if (!p) {
      missingRecords += 1;
      errors.push(`${name}: no record in the prediction`);
    }
    for (const k of META) {
      const counts = meta[k]!;
      counts.all += 1;
      const gv: unknown = g[k];
      const pv: unknown = p?.[k as MetaField];
      const ok = blank(gv) ? blank(pv) : String(gv) === String(pv ?? "");
      if (ok) counts.right += 1;
      else errors.push(`${name}: ${k} is ${JSON.stringify(pv ?? null)}, expected ${JSON.stringify(gv ?? null)}`);
    }

    // report totals: the figure a reader sees
    const gt = goldTotals(g);
    const pInd = p?.indicators;
    const ptIds = Object.keys(pInd ?? {}).filter((id) => pInd?.[id]?.value != null);
    for (const id of new Set([...Object.keys(gt), ...ptIds])) {
      const pv = pInd?.[id]?.value;
      const has = pv != null;
      const gv = gt[id];
      if (gv) bump(id, "goldCells");
      if (has) bump(id, "predCells");
      if (gv && has && gv.some((v) => same(v, pv))) bump(id, "cellsRight");
      else if (gv || has) {
        errors.push(`${name}: total ${id} is ${has ? String(pv) : "missing"}, expected ${gv ? gv.join(" or ") : "none"}`);
      }
    }

    // mentions: each number read out of the text
    const ignored = g.mentions.filter((m) => m.part);
    const want = g.mentions.filter((m) => !m.part).map((m) => ({ ...m, used: false }));
    for (const pm of predMentions(p)) {
      const hit = want.find((w) => !w.used && w.indicator === pm.indicator && same(w.value, pm.value));
      if (hit) {
        hit.used = true;
        bump(pm.indicator, "tp");
        qualAll += 1;
        if ((pm.qualifier ?? "exact") === hit.qualifier) qualRight += 1;
        else errors.push(`${name}: ${pm.indicator} ${pm.value} qualifier ${String(pm.qualifier)}, expected ${hit.qualifier}`);
      } else if (ignored.some((m) => m.indicator === pm.indicator && same(m.value, pm.value))) {
        // a breakdown that the extractor did not mark as a part; the totals count that error
      } else {
        bump(pm.indicator, "fp");
        errors.push(`${name}: extra mention ${pm.indicator} ${pm.value}`);
      }
    }
    for (const w of want) {
      if (!w.used) {
        bump(w.indicator, "fn");
        errors.push(`${name}: missed mention ${w.indicator} ${w.value} «${String(w.quote)}»`);
      }
    }
  }

  const sum = (k: keyof IndicatorCounts): number => Object.values(per).reduce((s, c) => s + c[k], 0);
  const tP = ratio(sum("cellsRight"), sum("predCells"));
  const tR = ratio(sum("cellsRight"), sum("goldCells"));
  const mP = ratio(sum("tp"), sum("tp") + sum("fp"));
  const mR = ratio(sum("tp"), sum("tp") + sum("fn"));
  const metaAcc = ratio(
    META.reduce((s, k) => s + meta[k]!.right, 0),
    META.reduce((s, k) => s + meta[k]!.all, 0),
  );

  return {
    totals: { precision: tP, recall: tR, f1: f1(tP, tR) },
    mentions: { precision: mP, recall: mR, f1: f1(mP, mR) },
    metadata: metaAcc,
    metadataByField: meta,
    qualifiers: { right: qualRight, all: qualAll },
    perIndicator: per,
    missingRecords,
    errors,
  };
}

/** The one-line summary exactly as score.mjs prints it ("summary: totals P …"). */
export function summaryLine(s: Score): string {
  const t = s.totals;
  const m = s.mentions;
  return (
    `summary: totals P ${pct(t.precision)}% R ${pct(t.recall)}% F1 ${pct(t.f1)}% | ` +
    `mentions P ${pct(m.precision)}% R ${pct(m.recall)}% F1 ${pct(m.f1)}% | metadata ${pct(s.metadata)}%`
  );
}

/** The metadata line exactly as score.mjs prints it ("metadata: township 5/5, …"). */
export function metadataLine(s: Score): string {
  return "metadata: " + META.map((k) => `${k} ${s.metadataByField[k]?.right}/${s.metadataByField[k]?.all}`).join(", ");
}

/** The per-indicator table rows exactly as score.mjs prints them, sorted by indicator. */
export function indicatorRows(s: Score): string[] {
  return Object.keys(s.perIndicator)
    .sort()
    .map((id) => {
      const c = s.perIndicator[id]!;
      return (
        `${id.padEnd(30)} ${String(c.goldCells).padStart(4)} ${String(c.predCells).padStart(4)} ${String(c.cellsRight).padStart(6)} ` +
        `${pct(ratio(c.cellsRight, c.predCells))}% ${pct(ratio(c.cellsRight, c.goldCells))}% | ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`
      );
    });
}
