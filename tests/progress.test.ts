// Progress of long runs (scripts/progress.ts): a bar on a terminal, plain lines in logs and CI,
// nothing for short runs.
import { describe, expect, it } from "vitest";
import { createProgress, formatDuration, lineStep, progressMode } from "../scripts/progress.ts";

function run(total: number, opts: { isTTY: boolean; env?: Record<string, string>; msPerItem?: number; stopAt?: number }) {
  let t = 0;
  let out = "";
  const p = createProgress({ total, isTTY: opts.isTTY, env: opts.env ?? {}, write: (s) => (out += s), now: () => t, columns: 80 });
  for (let i = 0; i < (opts.stopAt ?? total); i++) {
    t += opts.msPerItem ?? 1;
    p.tick(`report-${i}.txt`);
  }
  p.done();
  return { mode: p.mode, out };
}

describe("progressMode", () => {
  it("quiet below 50 items, a bar on a terminal, plain lines otherwise or in CI", () => {
    expect(progressMode(49, true)).toBe("quiet");
    expect(progressMode(50, true)).toBe("bar");
    expect(progressMode(50, false)).toBe("lines");
    expect(progressMode(500, true, { CI: "true" })).toBe("lines");
    expect(progressMode(500, true, { CI: "1" })).toBe("lines");
    expect(progressMode(500, true, { CI: "false" })).toBe("bar");
    expect(progressMode(500, true, { CI: "" })).toBe("bar");
  });
});

describe("createProgress", () => {
  it("writes nothing for a short run", () => {
    expect(run(5, { isTTY: true }).out).toBe("");
    expect(run(49, { isTTY: false }).out).toBe("");
  });

  it("plain lines at round counts, ending with the total", () => {
    const { mode, out } = run(40_000, { isTTY: false });
    expect(mode).toBe("lines");
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(20);
    expect(lines[0]).toMatch(/^extracted 2000\/40000 \(5%\)/);
    expect(lines.at(-1)).toBe("extracted 40000/40000 (100%)");
    expect(out).not.toContain("\r");
  });

  it("plain lines say how long is left once a second has passed, and print where a cut-short run stopped", () => {
    const { out } = run(100, { isTTY: false, env: { CI: "true" }, msPerItem: 200, stopAt: 33 });
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toBe("extracted 5/100 (5%), about 19 s left");
    expect(lines.at(-1)).toMatch(/^extracted 33\/100 \(33%\)/);
  });

  it("a slow run writes a line at least every 10 s between round counts", () => {
    const { out } = run(1000, { isTTY: false, msPerItem: 3000, stopAt: 10 });
    expect(out.trimEnd().split("\n").map((l) => l.split(" ")[1])).toEqual(["4/1000", "8/1000", "10/1000"]);
  });

  it("a bar on a terminal: redrawn in place, never wider than the terminal, ended with a newline", () => {
    const { mode, out } = run(200, { isTTY: true, msPerItem: 50 });
    expect(mode).toBe("bar");
    const frames = out.split("\r\x1b[2K").filter(Boolean);
    expect(frames.length).toBeGreaterThan(5);
    expect(frames.length).toBeLessThan(200); // throttled
    for (const f of frames) expect([...f.replace(/\n$/, "")].length).toBeLessThan(80);
    expect(frames[0]).toMatch(/^\[█*░+\] 1\/200 /);
    expect(out.endsWith("\n")).toBe(true);
    expect(frames.at(-1)).toMatch(/^\[█+\] 200\/200 100%\n$/);
    expect(out).not.toContain("\n\r");
  });
});

describe("helpers", () => {
  it("lineStep is a round count near a twentieth", () => {
    expect(lineStep(50)).toBe(5);
    expect(lineStep(100)).toBe(5);
    expect(lineStep(1000)).toBe(50);
    expect(lineStep(40_000)).toBe(2000);
    expect(lineStep(3)).toBe(1);
  });

  it("formatDuration", () => {
    expect(formatDuration(4_200)).toBe("4 s");
    expect(formatDuration(150_000)).toBe("3 min");
    expect(formatDuration(2 * 3600_000 + 5 * 60_000)).toBe("2 h 5 min");
  });
});
