// Stable, readable URLs for township-years: the national code when the region is resolved
// (500235123-2024), else the township's name (长寿镇-2023), else the file's name.

export interface SlugSource {
  file: string;
  township: string | null;
  code: string | null;
  year: number | null;
}

export function reportSlug(r: SlugSource): string {
  const base = r.code ?? r.township ?? fileStem(r.file);
  return `${safe(base)}-${r.year ?? "unknown"}`;
}

function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]+$/, "");
}

/** Keeps letters of any script, digits and -; everything else becomes -. */
function safe(s: string): string {
  return s.normalize("NFC").replace(/[^\p{L}\p{N}-]+/gu, "-").replace(/^-+|-+$/g, "") || "report";
}

/** Slugs for a set of reports, unique even when two reports claim the same township-year. */
export function uniqueSlugs(rs: SlugSource[]): string[] {
  const seen = new Map<string, number>();
  return rs.map((r) => {
    const s = reportSlug(r);
    const n = (seen.get(s) ?? 0) + 1;
    seen.set(s, n);
    return n === 1 ? s : `${s}-${n}`;
  });
}
