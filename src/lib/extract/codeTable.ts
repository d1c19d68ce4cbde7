// A few dozen UTF-16 code units, each with a small value, looked up with one multiply and one read.
// A 64K-entry table indexed by code unit is as quick while it stays in cache, but report text
// spreads over 20,000 Han code points, so such a table is touched all over for every report and
// mostly misses. This table is a few hundred bytes: it stays in cache.

export class CodeTable {
  private readonly keys: Uint16Array;
  private readonly values: Uint8Array;
  private readonly multiplier: number;
  private readonly shift: number;

  /** `entries`: code unit → value (1–255; 0 is "absent"), distinct code units. */
  constructor(entries: ReadonlyMap<number, number>) {
    for (const v of entries.values()) if (!(v >= 1 && v <= 255)) throw new RangeError(`CodeTable value ${v} is not 1–255`);
    // the smallest table, with the first multiplier of a fixed sequence, that puts every code unit in a slot of its own
    for (let bits = Math.max(4, Math.ceil(Math.log2(entries.size + 1)) + 1); bits <= 16; bits++) {
      let m = 0x9e3779b1;
      for (let attempt = 0; attempt < 2000; attempt++, m = (Math.imul(m, 0x2c9277b5) + 0xac564b05) | 1) {
        const shift = 32 - bits;
        const keys = new Uint16Array(1 << bits);
        const values = new Uint8Array(1 << bits);
        let ok = true;
        for (const [code, value] of entries) {
          const h = Math.imul(code, m) >>> shift;
          if (values[h] !== 0) {
            ok = false;
            break;
          }
          keys[h] = code;
          values[h] = value;
        }
        if (ok) {
          this.keys = keys;
          this.values = values;
          this.multiplier = m;
          this.shift = shift;
          return;
        }
      }
    }
    throw new Error("CodeTable: no collision-free table found");
  }

  /** The value of code unit `c`, or 0 when it is not in the table. */
  get(c: number): number {
    const h = Math.imul(c, this.multiplier) >>> this.shift;
    return this.keys[h] === c ? this.values[h]! : 0;
  }

  static of(chars: string, value = 1): CodeTable {
    return new CodeTable(new Map(Array.from(chars, (ch) => [ch.charCodeAt(0), value])));
  }
}
