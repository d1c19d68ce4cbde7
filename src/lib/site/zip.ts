// Zip files that are the same bytes for the same content: every entry gets one fixed time (the
// data's date) and a fixed compression level, in the order given (the download set, with fflate);
// and the .xlsx files exceljs writes (its zip writer stamps every entry with the clock) re-stamped
// in place, without unpacking them.
import { zipSync, type Zippable } from "fflate";

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

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Extra fields that carry times of their own (extended timestamp, NTFS, Info-ZIP Unix): refused. */
const TIME_FIELDS = new Set([0x5455, 0x000a, 0x5855, 0x7875]);

/**
 * Sets the DOS time and date of every entry, in the central directory and in each local header, in
 * place (the data is not touched, so nothing is compressed again). Throws on a zip it cannot
 * re-stamp safely: no end record, zip64, or an extra field with a time of its own.
 */
export function restampZip(zip: Uint8Array, date: Date, name = "zip"): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const d = dosTime(date);
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const day = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${name}: not a zip (no end of central directory)`);
  const count = v.getUint16(end + 10, true);
  let p = v.getUint32(end + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw new Error(`${name}: zip64 is not supported`);
  const checkExtra = (at: number, len: number) => {
    for (let q = at; q + 4 <= at + len; q += 4 + v.getUint16(q + 2, true)) {
      if (TIME_FIELDS.has(v.getUint16(q, true))) throw new Error(`${name}: an entry carries its own timestamp (extra field 0x${v.getUint16(q, true).toString(16)})`);
    }
  };
  for (let k = 0; k < count; k++) {
    if (v.getUint32(p, true) !== CENTRAL) throw new Error(`${name}: damaged central directory`);
    v.setUint16(p + 12, time, true);
    v.setUint16(p + 14, day, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    checkExtra(p + 46 + nameLen, extraLen);
    const local = v.getUint32(p + 42, true);
    if (v.getUint32(local, true) !== LOCAL) throw new Error(`${name}: damaged local header`);
    v.setUint16(local + 10, time, true);
    v.setUint16(local + 12, day, true);
    checkExtra(local + 30 + v.getUint16(local + 26, true), v.getUint16(local + 28, true));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
