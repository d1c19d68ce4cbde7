// Zip files that are the same bytes for the same content: every entry gets one fixed time (the
// data's date) and a fixed compression level, in the order given. Used for the download set and to
// re-pack the .xlsx files exceljs writes (its JSZip stamps every entry with the clock).
import { unzipSync, zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  /** path inside the zip, "/"-separated */
  name: string;
  data: Uint8Array | string;
}

/**
 * A zip entry's time is DOS local time (no zone): fflate takes it from a Date's local fields, so the
 * date's UTC fields are moved into local ones here and the zip reads the same on every machine
 * whatever its TZ. DOS time starts in 1980.
 */
export function dosTime(date: Date): Date {
  const d = date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : date;
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

const encoder = new TextEncoder();

/** Writes the entries, in their order, with one fixed time. Two entries with the same name are an error. */
export function reproducibleZip(entries: readonly ZipEntry[], date: Date): Uint8Array {
  const files: Zippable = {};
  const mtime = dosTime(date);
  for (const e of entries) {
    if (Object.hasOwn(files, e.name)) throw new Error(`zip: two entries named ${e.name}`);
    files[e.name] = [typeof e.data === "string" ? encoder.encode(e.data) : e.data, { mtime, level: 6 }];
  }
  return zipSync(files);
}

/** The same zip (entries and their order) with every time set to `date`. */
export function normalizeZip(zip: Uint8Array, date: Date): Uint8Array {
  const entries = Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data }));
  return reproducibleZip(entries, date);
}
