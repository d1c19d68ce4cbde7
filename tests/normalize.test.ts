import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalize, sourceSpan, type Normalized } from "../src/lib/extract/normalize.ts";

const SEEDS = join(import.meta.dirname, "fixtures/reports/seeds");
const DEV = join(import.meta.dirname, "fixtures/reports/dev");
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
const devFiles = readdirSync(DEV).filter((f) => f.endsWith(".txt")).sort();
const seed = (prefix: string): string => {
  const file = seedFiles.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(SEEDS, file), "utf8");
};
const dev = (file: string): string => readFileSync(join(DEV, file), "utf8");

/** The input text behind text[start, end). */
function sourceOf(input: string, n: Normalized, start: number, end: number): string {
  const [s, e] = sourceSpan(n, start, end);
  return input.slice(s, e);
}

/** Non-empty input lines / text lines, trimmed of spaces. */
const lines = (s: string): string[] =>
  s
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");

describe("seed 003: a line broken inside a sentence is joined", () => {
  const input = seed("003");
  const n = normalize(input);

  it("受教群众9000余人 / 次； becomes one phrase, with the evidence mapping back across the break", () => {
    expect(input).toContain("受教群众9000余人\n次；");
    const at = n.text.indexOf("受教群众9000余人次;");
    expect(at).toBeGreaterThan(0);
    expect(n.text).not.toContain("9000余人\n");
    expect(sourceOf(input, n, at, at + "受教群众9000余人次".length)).toBe("受教群众9000余人\n次");
    expect(sourceOf(input, n, at + 4, at + 8)).toBe("9000");
  });

  it("that is the only join: title and heading lines keep their line breaks", () => {
    expect(lines(n.text)).toHaveLength(lines(input).length - 1);
    // the two-line title (short lines) is not joined
    expect(n.text.startsWith("襄垣县王村镇关于2024年法治政府\n建设情况的报告\n2024年,")).toBe(true);
    // headings stay on their own line, before and after
    for (const heading of [
      "一、法治政府建设的主要举措和成效",
      "(一)加强组织领导,完善法治建设机制",
      "(2) 强化法治宣传,营造浓厚法治氛围",
      "3、 党政主要负责人履行第一责任人情况",
      "(3) 统筹推进法治建设",
      "四、2025年法治政府建设主要安排",
    ]) {
      expect(n.text).toContain(`\n${heading}\n`);
    }
    // numbered paragraphs are not glued to the line before
    expect(n.text).toMatch(/提高行政执法水平\n1\.加强行政执法队伍建设/);
    expect(n.text).toMatch(/。\n2\.常态化开展行政执法/);
  });
});

describe("no joins where the line structure is real", () => {
  it.each(["000", "001", "002", "004"])("seed %s keeps every line", (prefix) => {
    const input = seed(prefix);
    expect(lines(normalize(input).text)).toEqual(
      lines(input).map((l) => normalize(l).text.trim()).filter((l) => l !== ""),
    );
  });

  it("page chrome and titles of web copies are not glued to the first paragraph", () => {
    const r037 = normalize(dev("r037.txt")).text;
    expect(r037).toMatch(/ 11:36\n2025年,在縣委/); // "11:36" must not become "11:362025"
    const r067 = normalize(dev("r067.txt")).text;
    expect(r067).toMatch(/2025年法治政府建设工作报告\n2025年,鹅池镇/);
  });

  it("a heading line of 30+ characters is not joined to its body", () => {
    const input = seed("004");
    const n = normalize(input);
    const heading = n.text.split("\n").find((l) => l.startsWith("(三)推进政务公开"));
    expect(heading).toBeDefined();
    expect(heading!.length).toBeGreaterThanOrEqual(30);
    expect(heading!.endsWith("进一步打造阳光政府")).toBe(true);
  });
});

describe("join rule on constructed lines", () => {
  // 36 characters of prose, with commas, cut without closing punctuation
  const long = "今年以来，我镇借助公众号、朋友圈不定期推送普法知识，共计开展普法宣传活动";
  const longOut = long.replaceAll("，", ","); // after full-width folding

  it("joins a long prose line to its continuation", () => {
    expect(long.length).toBeGreaterThanOrEqual(30);
    expect(normalize(`${long}\n12场次。`).text).toBe(`${longOut}12场次。`);
    expect(normalize(`${long}\r\n场次。`).text).toBe(`${longOut}场次。`);
  });

  it.each([
    ["a short line", "受教群众，共计", "300余人。"],
    ["closing punctuation", `${long}。`, "开展普法。"],
    ["closing semicolon", `${long};`, "开展普法。"],
    ["a blank line between", `${long}\n`, "开展普法。"],
    ["an indented next line", long, "　　开展普法。"],
    ["digits on both sides", `${long}2`, "0余场次。"],
  ])("does not join after %s", (_why, first, second) => {
    const text = normalize(`${first}\n${second}`).text;
    expect(text).toContain("\n");
  });

  it.each(["（二）健全制度", "(2)健全制度", "二、健全制度", "2、健全制度", "2.健全制度", "一是健全制度", "第二，健全制度", "①健全制度", "•健全制度"])(
    "does not join a heading or list item: %s",
    (heading) => {
      expect(normalize(`${long}\n${heading}`).text).toContain("\n");
    },
  );

  it("a line starting with a decimal number is not mistaken for a list item", () => {
    expect(normalize(`${long}\n1.2万人次。`).text).toBe(`${longOut}1.2万人次。`);
  });

  it("Latin words keep a space where the break was", () => {
    const a = "About the English text that is long enough, to be wrapped";
    const n = normalize(`${a}\nhere.`);
    expect(n.text).toBe(`${a} here.`);
    expect(n.sourceIndex[a.length]).toBe(a.length); // the space stands for the line break
  });
});

describe("artefacts of document conversion", () => {
  it("seed 000: [bookmark: _GoBack] is removed and the offsets skip it", () => {
    const input = seed("000");
    expect(input).toContain("[bookmark: _GoBack]（一）学习贯彻习近平法治思想");
    const n = normalize(input);
    expect(n.text).not.toContain("bookmark");
    expect(n.text).not.toContain("_GoBack");
    const at = n.text.indexOf("\n(一)学习贯彻习近平法治思想。") + 1;
    expect(at).toBeGreaterThan(0);
    expect(sourceOf(input, n, at, at + 5)).toBe("（一）学习");
    // the bookmark sits between the previous line break and "（"
    expect(input.slice(n.sourceIndex[at - 1]! + 1, n.sourceIndex[at])).toBe("[bookmark: _GoBack]");
  });

  it("no seed keeps a bookmark, BOM, zero-width char or CR", () => {
    for (const file of seedFiles) {
      const t = normalize(readFileSync(join(SEEDS, file), "utf8")).text;
      expect(t).not.toMatch(/\[bookmark:|[\u200b-\u200d\ufeff\u00ad\r\t\u00a0\u3000]/);
    }
  });

  it("line endings, spaces and zero-width characters", () => {
    const n = normalize("\ufeffa\u200bb\u00adc\r\nd\u00a0e\u3000f\tg  \r\nh\ri");
    expect(n.text).toBe("abc\nd e f g\nh\ni");
    expect(Array.from(n.sourceIndex)).toEqual([1, 3, 5, 6, 8, 9, 10, 11, 12, 13, 14, 17, 19, 20, 21, 22]);
  });

  it("runs of 3+ blank lines collapse to one blank line; shorter runs stay", () => {
    expect(normalize("a\n\n\n\nb").text).toBe("a\n\nb");
    expect(normalize("a\r\n \r\n\t\r\n\u3000\r\n\r\nb").text).toBe("a\n\nb");
    expect(normalize("a\n\n\nb").text).toBe("a\n\n\nb");
    expect(normalize("a\n\nb").text).toBe("a\n\nb");
    const n = normalize("a\n\n\n\n\nb");
    expect(sourceOf("a\n\n\n\n\nb", n, 0, n.text.length)).toBe("a\n\n\n\n\nb");
  });

  it("[bookmark: …] only when it is a complete bracket on one line", () => {
    expect(normalize("x[bookmark: _Toc123]y[Bookmark: a b]z").text).toBe("xyz");
    expect(normalize("x[bookmark: y\n]z").text).toBe("x[bookmark: y\n]z");
    expect(normalize("[见附件]").text).toBe("[见附件]");
  });
});

describe("full-width forms", () => {
  it("ASCII forms are folded, CJK punctuation is kept", () => {
    const input = "开展宣传１２场次，（一）共计９８％：Ａｂｃ；是否！？＝＋。、“”《》【】〔〕";
    const n = normalize(input);
    expect(n.text).toBe("开展宣传12场次,(一)共计98%:Abc;是否!?=+。、“”《》【】〔〕");
    expect(n.text.length).toBe(input.length);
    expect(sourceOf(input, n, 4, 6)).toBe("１２");
  });

  it("the seeds' full-width punctuation is folded", () => {
    const n = normalize(seed("003"));
    expect(n.text).toContain("2024年,在县委、县政府的正确");
    expect(n.text).not.toMatch(/[\uff01-\uff5e]/);
  });
});

describe("match view", () => {
  it("r037 (traditional) maps 1:1 to simplified", () => {
    const input = dev("r037.txt");
    const n = normalize(input);
    expect(n.match.length).toBe(n.text.length);
    expect(n.text).toContain("云湖橋鎮");
    expect(n.text).toContain("黨委理論學習中心組");
    const at = n.text.indexOf("云湖橋鎮");
    expect(n.match.slice(at, at + 4)).toBe("云湖桥镇");
    const at2 = n.text.indexOf("黨委理論學習中心組");
    expect(n.match.slice(at2, at2 + 9)).toBe("党委理论学习中心组");
    expect(n.match.startsWith("湘潭县云湖桥镇2025年度法治政府建设情况报告\n")).toBe(true);
  });

  it("simplified text is left exactly as it is", () => {
    for (const file of seedFiles) {
      const n = normalize(readFileSync(join(SEEDS, file), "utf8"));
      expect(n.match).toBe(n.text);
    }
    // 著 is also a simplified character (显著) and must not become 着
    expect(normalize("成效显著，于是").match).toBe("成效显著,于是");
  });

  it("keeps characters whose simplified form is not one code unit", () => {
    const n = normalize("鮟鱇與𠮷");
    expect(n.match.length).toBe(n.text.length);
    expect(n.match).toBe("鮟鱇与𠮷");
  });
});

describe("sourceSpan", () => {
  it("maps empty and full spans and rejects spans outside the text", () => {
    const input = "\ufeff第一行\r\n第二行";
    const n = normalize(input);
    expect(n.text).toBe("第一行\n第二行");
    expect(sourceSpan(n, 0, 0)).toEqual([1, 1]);
    expect(sourceSpan(n, 0, n.text.length)).toEqual([1, input.length]);
    expect(sourceSpan(n, n.text.length, n.text.length)).toEqual([input.length, input.length]);
    expect(() => sourceSpan(n, 2, 1)).toThrow(RangeError);
    expect(() => sourceSpan(n, 0, n.text.length + 1)).toThrow(RangeError);
  });

  it("every digit run of every fixture maps back to the same number", () => {
    for (const [dir, files] of [
      [SEEDS, seedFiles],
      [DEV, devFiles],
    ] as const) {
      for (const file of files) {
        const input = readFileSync(join(dir, file), "utf8");
        const n = normalize(input);
        for (const m of n.text.matchAll(/\d+/g)) {
          const src = sourceOf(input, n, m.index, m.index + m[0].length);
          const folded = src.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
          expect(folded, `${file} @${m.index}`).toBe(m[0]);
        }
      }
    }
  });
});

describe("properties", () => {
  // Pieces that exercise every rule, mixed with arbitrary code units
  // (including lone surrogates) and arbitrary code points.
  const piece = fc.oneof(
    fc.constantFrom(
      "\r\n", "\r", "\n", "\n\n\n\n", " ", "  ", "\t", "\u3000", "\u00a0", "\u2028", "\u200b", "\ufeff", "\u00ad",
      "[bookmark: _GoBack]", "[bookmark:", "]", "[", "。", "，", "；", "、", "”", "（一）", "(2)", "一、", "1.", "一是",
      "第一，", "０", "９", "１２３", "Ａ", "ｚ", "％", "黨", "學", "鎮", "橋", "著", "鮟", "𠮷", "9000余人", "次",
      "利用“国家宪法日”等重要时间节点，深入农村开展法治宣传教育活动，受教群众",
      "About the English text that is long enough to be wrapped in a line",
    ),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.string({ unit: "binary", maxLength: 4 }),
  );
  const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));

  it("never throws; match and sourceIndex have the right lengths; sourceIndex is non-decreasing", () => {
    fc.assert(
      fc.property(text, (input) => {
        const n = normalize(input);
        expect(n.match.length).toBe(n.text.length);
        expect(n.sourceIndex.length).toBe(n.text.length + 1);
        expect(n.sourceIndex[n.text.length]).toBe(input.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.sourceIndex[i]!).toBeGreaterThanOrEqual(0);
          expect(n.sourceIndex[i]!).toBeLessThan(input.length);
          expect(n.sourceIndex[i + 1]!).toBeGreaterThanOrEqual(n.sourceIndex[i]!);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("an ASCII digit in text comes from that digit or its full-width form", () => {
    fc.assert(
      fc.property(text, (input) => {
        const n = normalize(input);
        for (let i = 0; i < n.text.length; i++) {
          const c = n.text.charCodeAt(i);
          if (c >= 0x30 && c <= 0x39) {
            const s = input.charCodeAt(n.sourceIndex[i]!);
            expect(s === c || s === c + 0xfee0).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("every text character is its source character or a rule's replacement of it", () => {
    const space = /^[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]$/;
    const lineBreak = /^[\r\n\v\f\u0085\u2028\u2029]$/;
    fc.assert(
      fc.property(text, (input) => {
        const n = normalize(input);
        for (let i = 0; i < n.text.length; i++) {
          const t = n.text[i]!;
          const s = input[n.sourceIndex[i]!]!;
          const code = s.charCodeAt(0);
          const ok =
            t === s ||
            (code >= 0xff01 && code <= 0xff5e && t.charCodeAt(0) === code - 0xfee0) ||
            (t === " " && space.test(s)) ||
            (t === "\n" && lineBreak.test(s)) ||
            (t === " " && lineBreak.test(s)); // a joined line break between two Latin words
          expect(ok, `text[${i}]=${JSON.stringify(t)} from ${JSON.stringify(s)}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the match view differs from text only in CJK characters", () => {
    fc.assert(
      fc.property(text, (input) => {
        const n = normalize(input);
        for (let i = 0; i < n.text.length; i++) {
          if (n.match[i] !== n.text[i]) expect(n.text.charCodeAt(i)).toBeGreaterThanOrEqual(0x2e80);
        }
      }),
      { numRuns: 300 },
    );
  });
});
