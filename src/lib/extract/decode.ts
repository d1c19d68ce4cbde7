// Bytes of a .txt report → text, with the encoding detected.
//
// Supported: UTF-8 (with or without BOM), UTF-16 LE/BE (by BOM, or without a
// BOM by the pattern of zero bytes), and GB18030 (a superset of GBK/GB2312).
// Anything else — empty input, binary data, text no supported encoding decodes
// plausibly — is rejected with a DecodeError that says why.

import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
  /** whether the input started with a byte order mark (stripped from text) */
  bom: boolean;
}

export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecodeError";
  }
}

type Encoding = Decoded["encoding"];

/** Bytes of a .txt report → text. Throws DecodeError with a clear message for empty input, binary data (NUL bytes outside UTF-16, or many control chars), or bytes no supported encoding decodes. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const n = bytes.length;
  if (n === 0) throw new DecodeError("empty input: the file has 0 bytes");

  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  const b3 = bytes[3];

  // --- byte order marks -------------------------------------------------
  if (n >= 4 && b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) {
    throw new DecodeError("unsupported encoding: UTF-32BE byte order mark");
  }
  if (n >= 4 && b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) {
    throw new DecodeError("unsupported encoding: UTF-32LE byte order mark");
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const body = bytes.subarray(3);
    const text = decodeUtf8Strict(body);
    if (text === null) {
      throw new DecodeError("invalid UTF-8: the file starts with a UTF-8 byte order mark but its bytes are not valid UTF-8");
    }
    return finish(text, "utf-8", true);
  }
  if (b0 === 0xff && b1 === 0xfe) return finish(decodeUtf16(bytes.subarray(2), "utf-16le"), "utf-16le", true);
  if (b0 === 0xfe && b1 === 0xff) return finish(decodeUtf16(bytes.subarray(2), "utf-16be"), "utf-16be", true);

  // --- UTF-16 without BOM, recognised by where the zero bytes are --------
  let zeroEven = 0;
  let zeroOdd = 0;
  // (most files have no zero byte at all: one native search tells)
  for (let i = bytes.indexOf(0); i >= 0 && i < n; i++) {
    if (bytes[i] === 0) {
      if ((i & 1) === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  const zeros = zeroEven + zeroOdd;
  if (zeros > 0) {
    const guess = guessUtf16(n, zeroEven, zeroOdd);
    if (guess !== null) {
      // Zero-byte pattern says UTF-16; make sure the result is really text.
      const text = decodeUtf16(bytes, guess);
      return finish(text, guess, false);
    }
    throw new DecodeError(
      `binary data: the file contains ${zeros} NUL byte${zeros === 1 ? "" : "s"} and is not UTF-16 text`,
    );
  }

  // --- UTF-8, else GB18030 ----------------------------------------------
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) return finish(utf8, "utf-8", false);

  // Almost-valid UTF-8 (e.g. a copy cut in the middle of a character): read
  // as GB18030 it would turn into plausible-looking mojibake, so keep UTF-8.
  const lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
  const bad = countChar(lenient, 0xfffd);
  if (bad <= 16 && bad * 1000 <= lenient.length && hasMultibyte(lenient)) {
    return finish(lenient, "utf-8", false);
  }

  const gb = iconv.decode(toBuffer(bytes), "gb18030", { stripBOM: false });
  return finish(gb, "gb18030", false);
}

/** UTF-16 byte order from the share of zero bytes at even/odd offsets, or null. */
function guessUtf16(n: number, zeroEven: number, zeroOdd: number): "utf-16le" | "utf-16be" | null {
  if (n < 2) return null;
  // ASCII characters (digits, newlines, half-width punctuation) put a zero in
  // the high byte: odd offsets in LE, even offsets in BE. CJK characters such
  // as 一 (U+4E00) put one in the low byte, so the other side is not always 0.
  const min = Math.max(2, Math.floor(n / 400));
  if (zeroOdd >= min && zeroOdd >= 4 * zeroEven) return "utf-16le";
  if (zeroEven >= min && zeroEven >= 4 * zeroOdd) return "utf-16be";
  return null;
}

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf16(bytes: Uint8Array, enc: "utf-16le" | "utf-16be"): string {
  let le = bytes;
  if (enc === "utf-16be") {
    le = new Uint8Array(bytes.length);
    const even = bytes.length & ~1;
    for (let i = 0; i < even; i += 2) {
      le[i] = bytes[i + 1]!;
      le[i + 1] = bytes[i]!;
    }
    if (even < bytes.length) le[even] = bytes[even]!;
  }
  // Non-fatal: a stray unpaired surrogate or odd trailing byte becomes U+FFFD
  // and is judged by the plausibility check like any other decoding damage.
  return new TextDecoder("utf-16le", { fatal: false, ignoreBOM: true }).decode(le);
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function countChar(s: string, code: number): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) k++;
  return k;
}

function hasMultibyte(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 && c !== 0xfffd) return true;
  }
  return false;
}

/** Characters one expects in a Chinese report (any script of plain text, really). */
function isPlausible(c: number): boolean {
  if (c >= 0x20 && c <= 0x7e) return true; // ASCII printable
  if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) return true;
  if (c >= 0xa0 && c <= 0x24f) return true; // Latin-1, Latin Extended (· × é …)
  if (c >= 0x370 && c <= 0x4ff) return true; // Greek, Cyrillic (found in GB2312)
  if (c >= 0x2000 && c <= 0x2bff) return true; // punctuation, symbols, ①, arrows, ■
  if (c >= 0x2e80 && c <= 0x9fff) return true; // CJK radicals, punctuation, kana, ideographs
  if (c >= 0xf900 && c <= 0xfaff) return true; // CJK compatibility ideographs
  if (c >= 0xfe30 && c <= 0xfe4f) return true; // CJK compatibility forms
  if (c >= 0xff00 && c <= 0xffef) return true; // full-width forms
  if (c === 0xfeff) return true;
  if (c >= 0xd800 && c <= 0xdfff) return true; // surrogates (pairs checked by decoders)
  return false;
}

function isControl(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b;
  return c === 0x7f || (c >= 0x80 && c <= 0x9f);
}

/** Judge the decoded text; strip a leading BOM character. */
function finish(raw: string, encoding: Encoding, bomBytes: boolean): Decoded {
  let text = raw;
  let bom = bomBytes;
  if (text.charCodeAt(0) === 0xfeff) {
    // A BOM that survived decoding (e.g. UTF-16 detected by zero pattern).
    text = text.slice(1);
    bom = true;
  }
  const len = text.length;
  if (len === 0) throw new DecodeError(`empty input: the file holds only a ${encoding} byte order mark`);

  let replacement = 0;
  let control = 0;
  let nul = 0;
  let implausible = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    // the usual characters first: printable ASCII and CJK (plausible, neither control nor NUL)
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0x2e80 && c <= 0x9fff)) continue;
    if (c === 0xfffd) replacement++;
    else if (c === 0) nul++;
    else if (isControl(c)) control++;
    else if (!isPlausible(c)) implausible++;
  }

  if (nul > 0) {
    throw new DecodeError(`binary data: ${nul} NUL character${nul === 1 ? "" : "s"} after decoding as ${encoding}`);
  }
  if (control > Math.max(4, len / 1000)) {
    throw new DecodeError(`binary data: ${control} control characters in ${len} characters (decoded as ${encoding})`);
  }
  if (replacement > Math.max(2, len / 200)) {
    throw new DecodeError(
      `undecodable bytes: ${replacement} invalid sequences in ${len} characters as ${encoding}; ` +
        "the file is not UTF-8, UTF-16 or GB18030/GBK text",
    );
  }
  if (implausible + replacement > len * 0.1) {
    throw new DecodeError(
      `not text: ${implausible + replacement} of ${len} characters decoded as ${encoding} ` +
        "are neither CJK nor ordinary printable characters",
    );
  }
  return { text, encoding, bom };
}
