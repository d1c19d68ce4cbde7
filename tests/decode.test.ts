import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DecodeError, decodeBytes } from "../src/lib/extract/decode.ts";

const SEEDS = join(import.meta.dirname, "fixtures/reports/seeds");
const DEV = join(import.meta.dirname, "fixtures/reports/dev");
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
const read = (dir: string, file: string): string => readFileSync(join(dir, file), "utf8");

/** iconv-lite output as a plain Uint8Array (what a file read would give). */
const enc = (text: string, encoding: string, addBOM = false): Uint8Array =>
  new Uint8Array(iconv.encode(text, encoding, { addBOM }));

function expectDecodeError(bytes: Uint8Array, message: RegExp): void {
  let error: unknown;
  try {
    decodeBytes(bytes);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DecodeError);
  expect((error as Error).message).toMatch(message);
}

describe("decodeBytes on a real seed report in every supported encoding", () => {
  // Seed 000 (沙市镇) is representable in GBK as well as GB18030.
  const text = read(SEEDS, seedFiles[0]!);

  it("the fixture is a real Chinese report", () => {
    expect(text).toContain("沙市镇");
    expect(text.length).toBeGreaterThan(1000);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  const cases: Array<[string, Uint8Array, string, boolean]> = [
    ["UTF-8", enc(text, "utf8"), "utf-8", false],
    ["UTF-8 with BOM", enc(text, "utf8", true), "utf-8", true],
    ["UTF-16LE with BOM", enc(text, "utf16le", true), "utf-16le", true],
    ["UTF-16BE with BOM", enc(text, "utf16be", true), "utf-16be", true],
    ["UTF-16LE without BOM", enc(text, "utf16le"), "utf-16le", false],
    ["UTF-16BE without BOM", enc(text, "utf16be"), "utf-16be", false],
    ["GB18030", enc(text, "gb18030"), "gb18030", false],
    ["GBK", enc(text, "gbk"), "gb18030", false],
  ];

  it.each(cases)("%s decodes to the same text", (_name, bytes, encoding, bom) => {
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.bom).toBe(bom);
    expect(d.text).toBe(text);
  });

  it("the byte inputs really differ (the test is not decoding one thing eight times)", () => {
    const distinct = new Set(cases.slice(0, 7).map(([, b]) => Buffer.from(b).toString("base64")));
    expect(distinct.size).toBe(7);
    // BOM bytes as expected
    expect([...cases[1]![1].subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...cases[2]![1].subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect([...cases[3]![1].subarray(0, 2)]).toEqual([0xfe, 0xff]);
  });

  it("accepts a Uint8Array view into a larger buffer", () => {
    const bytes = enc(text, "gbk");
    const big = new Uint8Array(bytes.length + 10);
    big.set(bytes, 5);
    expect(decodeBytes(big.subarray(5, 5 + bytes.length)).text).toBe(text);
  });
});

describe("decodeBytes on other fixtures", () => {
  it.each(seedFiles)("seed %s round-trips through UTF-8 and GB18030", (file) => {
    const text = read(SEEDS, file);
    expect(decodeBytes(enc(text, "utf8")).text).toBe(text);
    const gb = decodeBytes(enc(text, "gb18030"));
    expect(gb.encoding).toBe("gb18030");
    expect(gb.text).toBe(text);
  });

  it("traditional-Chinese r037 round-trips through GBK and UTF-16BE", () => {
    const text = read(DEV, "r037.txt");
    expect(text).toContain("云湖橋鎮");
    expect(decodeBytes(enc(text, "gbk")).text).toBe(text);
    expect(decodeBytes(enc(text, "utf16be")).text).toBe(text);
  });

  it("keeps UTF-8 for a copy cut in the middle of a multi-byte character", () => {
    const text = read(SEEDS, seedFiles[2]!).trimEnd();
    expect(text.charCodeAt(text.length - 1)).toBeGreaterThanOrEqual(0x800); // 3 bytes in UTF-8
    const bytes = enc(text, "utf8");
    const d = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(d.encoding).toBe("utf-8");
    expect(d.text).toBe(text.slice(0, -1) + "\uFFFD");
  });
});

describe("decodeBytes rejects what is not a text report", () => {
  it("empty input", () => {
    expectDecodeError(new Uint8Array(0), /empty/);
  });

  it("only a byte order mark", () => {
    expectDecodeError(new Uint8Array([0xef, 0xbb, 0xbf]), /empty/);
    expectDecodeError(new Uint8Array([0xff, 0xfe]), /empty/);
  });

  it("a PNG-like binary buffer", () => {
    const png = new Uint8Array(4096);
    // signature + IHDR chunk of a real PNG, then deterministic pseudo-random data
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    png.set([0, 0, 1, 0, 0, 0, 0, 0xc8, 8, 6, 0, 0, 0, 0x5c, 0x72, 0xa8, 0x66], 16);
    let x = 12345;
    for (let i = 33; i < png.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      png[i] = x >>> 24;
    }
    expectDecodeError(png, /binary|not text|undecodable/);
  });

  it("binary data without NUL bytes (many control characters)", () => {
    const bytes = new Uint8Array(2000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 7 === 0 ? 0x01 + (i % 20) : 0x41 + (i % 26);
    expectDecodeError(bytes, /control characters/);
  });

  it("NUL bytes that are not UTF-16", () => {
    const text = enc(read(SEEDS, seedFiles[0]!), "utf8");
    const bytes = new Uint8Array(text.length + 64);
    bytes.set(text);
    bytes.set(new Uint8Array(64), text.length); // a run of zero padding
    expectDecodeError(bytes, /NUL/);
  });

  it("UTF-32 (not supported)", () => {
    expectDecodeError(new Uint8Array([0xff, 0xfe, 0, 0, 0x2d, 0x4e, 0, 0]), /UTF-32/);
  });

  it("bytes that decode to mostly replacement characters", () => {
    // 0x80 and 0xFF are never valid single bytes in GB18030 and never valid UTF-8 here
    const bytes = new Uint8Array(600);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 2 === 0 ? 0x41 : 0xff;
    expectDecodeError(bytes, /undecodable|not text/);
  });

  it("DecodeError is an Error with its own name", () => {
    try {
      decodeBytes(new Uint8Array(0));
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).name).toBe("DecodeError");
    }
  });
});
