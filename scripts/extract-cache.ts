// Extraction cached by content: a report is extracted again only when its bytes, its file name or
// the extractor itself changed — never judged by file times. One JSON file holds every entry so
// that a run over 40,000 unchanged reports reads one file, not 40,000.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SiteReport } from "../src/lib/schema.ts";

/** Hash of the extractor's own sources and data: any change to them invalidates the whole cache. */
export function extractorVersion(root: string): string {
  const h = createHash("sha1");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name)) files.push(p);
    }
  };
  walk(join(root, "src", "lib"));
  files.push(join(root, "spec", "indicators.json"), join(root, "package-lock.json"));
  for (const f of files.sort()) if (existsSync(f)) h.update(f.slice(root.length)).update(readFileSync(f));
  return h.digest("hex").slice(0, 16);
}

export function contentKey(label: string, bytes: Uint8Array): string {
  return createHash("sha1").update(label).update("\0").update(bytes).digest("hex");
}

export interface CacheEntry {
  /** the site's index record without its id (the text is in the file named by its textKey) */
  record: Omit<SiteReport, "id">;
}

export class ExtractCache {
  private entries = new Map<string, CacheEntry>();
  private used = new Set<string>();
  constructor(
    private readonly path: string,
    private readonly version: string,
  ) {
    if (!existsSync(path)) return;
    try {
      const data = JSON.parse(readFileSync(path, "utf8")) as { version: string; entries: Record<string, CacheEntry> };
      if (data.version === version) this.entries = new Map(Object.entries(data.entries));
    } catch {
      // a damaged cache is no cache
    }
  }

  get(key: string): CacheEntry | undefined {
    const e = this.entries.get(key);
    if (e) this.used.add(key);
    return e;
  }

  set(key: string, entry: CacheEntry): void {
    this.entries.set(key, entry);
    this.used.add(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Writes the entries used in this run (others are dropped), atomically. */
  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const entries: Record<string, CacheEntry> = {};
    for (const k of this.used) entries[k] = this.entries.get(k)!;
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: this.version, entries }));
    renameSync(tmp, this.path);
  }
}
