// Townships grouped by province → county, each with the years its reports cover.

export interface TreeReport {
  id: string;
  township: string | null;
  county: string | null;
  province: string | null;
  code: string | null;
  year: number | null;
}

export interface TownshipNode<R> {
  township: string;
  code: string | null;
  reports: R[]; // sorted by year
}
export interface CountyNode<R> {
  county: string;
  townships: TownshipNode<R>[];
}
export interface ProvinceNode<R> {
  province: string;
  counties: CountyNode<R>[];
}

export const UNKNOWN_REGION = "地区未确定";

const zh = new Intl.Collator("zh-CN");

export function regionTree<R extends TreeReport>(reports: R[]): ProvinceNode<R>[] {
  const provinces = new Map<string, Map<string, Map<string, TownshipNode<R>>>>();
  for (const r of reports) {
    const p = r.province ?? UNKNOWN_REGION;
    const c = r.county ?? UNKNOWN_REGION;
    const key = r.code ?? r.township ?? r.id;
    const counties = provinces.get(p) ?? new Map();
    provinces.set(p, counties);
    const towns = counties.get(c) ?? new Map();
    counties.set(c, towns);
    const node: TownshipNode<R> = towns.get(key) ?? { township: r.township ?? "（未识别的乡镇）", code: r.code, reports: [] };
    towns.set(key, node);
    node.reports.push(r);
  }
  const byName = (a: string, b: string) => (a === UNKNOWN_REGION ? 1 : b === UNKNOWN_REGION ? -1 : zh.compare(a, b));
  return [...provinces]
    .sort(([a], [b]) => byName(a, b))
    .map(([province, counties]) => ({
      province,
      counties: [...counties]
        .sort(([a], [b]) => byName(a, b))
        .map(([county, towns]) => ({
          county,
          townships: [...towns.values()]
            .sort((a, b) => zh.compare(a.township, b.township))
            .map((t) => ({ ...t, reports: [...t.reports].sort((a, b) => (a.year ?? 0) - (b.year ?? 0)) })),
        })),
    }));
}
