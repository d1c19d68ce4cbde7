// A set of names in a character trie, scanned for the longest name at each place of a text: the
// township and unit names of the division list, and ordinary phrases that contain place names.

/** One name found in a text: [start, end) offsets. */
export interface NameMatch {
  name: string;
  start: number;
  end: number;
}

/**
 * A set of names in a character trie, for longest-match scans without allocating substrings.
 * Nodes are numbers; the children of the root are a table indexed by UTF-16 code unit, every
 * other edge (node, code unit) → child sits in one open-addressing hash table of typed arrays.
 * A scan first tests the pair of code units at each place against a bit table (below), which
 * rules out most places; the trie is walked from the few others.
 */
export class NameIndex {
  readonly names = new Set<string>();
  /** child of the root by code unit; 0 = none (node 0 is the root) */
  private readonly rootNext = new Int32Array(0x10000);
  /** the name ending at each node, if any (index = node) */
  private readonly nameAt: (string | null)[] = [null];
  /** whether a node has children (a scan stops at leaves without probing) */
  private hasNext: Uint8Array = new Uint8Array(1024);
  private nodes = 1;
  // hash table of edges: parent node (0 = empty slot), code unit, child node
  private edgeParent = new Int32Array(1024);
  private edgeUnit = new Uint16Array(1024);
  private edgeChild = new Int32Array(1024);
  private edges = 0;
  /**
   * A bit for the hash of the first two code units of every name: a place whose pair has no bit
   * starts no name (every name has two or more units). At most 2^20 bits (128 KB).
   */
  private pairs: Int32Array | null = null;
  /** log2 of the bits of `pairs`: about 16 bits a name, so that few places pass by chance */
  private pairBits = 0;

  private static pair(a: number, b: number, bits: number): number {
    return Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - bits);
  }

  /** The table of first pairs, made at the first scan after names were added. */
  private pairTable(): Int32Array {
    if (this.pairs) return this.pairs;
    this.pairBits = Math.min(20, Math.max(10, Math.ceil(Math.log2(this.names.size * 16))));
    const pairs = new Int32Array(1 << (this.pairBits - 5));
    for (const name of this.names) {
      const p = NameIndex.pair(name.charCodeAt(0), name.charCodeAt(1), this.pairBits);
      pairs[p >>> 5] = pairs[p >>> 5]! | (1 << (p & 31));
    }
    return (this.pairs = pairs);
  }

  private static slot(parent: number, unit: number, mask: number): number {
    let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    return (h ^ (h >>> 15)) & mask;
  }

  private child(parent: number, unit: number): number {
    const mask = this.edgeParent.length - 1;
    for (let k = NameIndex.slot(parent, unit, mask); ; k = (k + 1) & mask) {
      const p = this.edgeParent[k]!;
      if (p === 0) return 0;
      if (p === parent && this.edgeUnit[k] === unit) return this.edgeChild[k]!;
    }
  }

  private insertEdge(parent: number, unit: number, child: number): void {
    const mask = this.edgeParent.length - 1;
    let k = NameIndex.slot(parent, unit, mask);
    while (this.edgeParent[k] !== 0) k = (k + 1) & mask;
    this.edgeParent[k] = parent;
    this.edgeUnit[k] = unit;
    this.edgeChild[k] = child;
    this.edges++;
  }

  private grow(): void {
    const { edgeParent, edgeUnit, edgeChild } = this;
    const size = edgeParent.length * 2;
    this.edgeParent = new Int32Array(size);
    this.edgeUnit = new Uint16Array(size);
    this.edgeChild = new Int32Array(size);
    this.edges = 0;
    for (let k = 0; k < edgeParent.length; k++) if (edgeParent[k] !== 0) this.insertEdge(edgeParent[k]!, edgeUnit[k]!, edgeChild[k]!);
  }

  private newNode(): number {
    const id = this.nodes++;
    this.nameAt.push(null);
    if (id >= this.hasNext.length) {
      const h = new Uint8Array(this.hasNext.length * 2);
      h.set(this.hasNext);
      this.hasNext = h;
    }
    return id;
  }

  add(name: string): void {
    if (name.length < 2 || this.names.has(name)) return;
    this.names.add(name);
    this.pairs = null;
    // code units, as scan() walks the text (astral characters take two)
    let node = this.rootNext[name.charCodeAt(0)]!;
    if (node === 0) {
      node = this.newNode();
      this.rootNext[name.charCodeAt(0)] = node;
    }
    for (let k = 1; k < name.length; k++) {
      const unit = name.charCodeAt(k);
      let next = this.child(node, unit);
      if (next === 0) {
        next = this.newNode();
        // keep the table at most half full
        if ((this.edges + 1) * 2 > this.edgeParent.length) this.grow();
        this.insertEdge(node, unit, next);
        this.hasNext[node] = 1;
      }
      node = next;
    }
    this.nameAt[node] = name;
  }

  /** Every known name that starts at text[i] (not only the longest). */
  namesAt(text: string, i: number): string[] {
    const out: string[] = [];
    let node = this.rootNext[text.charCodeAt(i)]!;
    for (let j = i + 1; node !== 0; j++) {
      const name = this.nameAt[node]!;
      if (name !== null) out.push(name);
      if (j >= text.length || this.hasNext[node] === 0) break;
      node = this.child(node, text.charCodeAt(j));
    }
    return out;
  }

  /** Longest known names, non-overlapping, scanning left to right. */
  scan(text: string): NameMatch[] {
    const found: NameMatch[] = [];
    const n = text.length;
    const rootNext = this.rootNext;
    const nameAt = this.nameAt;
    const hasNext = this.hasNext;
    const pairs = this.pairTable();
    const bits = this.pairBits;
    let i = 0;
    let next = text.charCodeAt(0);
    while (i < n - 1) {
      const first = next;
      next = text.charCodeAt(i + 1);
      const p = NameIndex.pair(first, next, bits);
      if ((pairs[p >>> 5]! & (1 << (p & 31))) === 0) {
        i++;
        continue;
      }
      let node = rootNext[first]!;
      let matched = 0;
      let matchedName: string | null = null;
      for (let j = i + 1; ; j++) {
        const name = nameAt[node]!;
        if (name !== null) {
          matched = j - i;
          matchedName = name;
        }
        if (j >= n || hasNext[node] === 0) break;
        node = this.child(node, text.charCodeAt(j));
        if (node === 0) break;
      }
      if (matchedName !== null) {
        found.push({ name: matchedName, start: i, end: i + matched });
        i += matched;
        next = text.charCodeAt(i);
      } else i++;
    }
    return found;
  }
}
