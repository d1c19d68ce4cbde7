// Sentence and clause boundaries in normalised report text. Offsets only: callers slice.

const SENTENCE_END = new Set(["。", "！", "？", "!", "?", "\n"]);
const CLAUSE_END = new Set([...SENTENCE_END, "，", ",", "；", ";", "：", ":"]);

/** Start of the sentence containing offset i (just after the previous sentence end). */
export function sentenceStart(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && !SENTENCE_END.has(text[j]!)) j--;
  return j + 1;
}

/** End of the sentence containing offset i (exclusive, the terminator not included). */
export function sentenceEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !SENTENCE_END.has(text[j]!)) j++;
  return j;
}

/** Clauses that open with these words continue the previous clause's verb (…精神,以及…109次). */
const CONTINUATION = /^(以及|及|和|与|并且)/;

/** Start of the clause containing offset i; a clause that opens with 以及/及/和 joins the previous one. */
export function clauseStart(text: string, i: number): number {
  let j = i - 1;
  for (;;) {
    while (j >= 0 && !CLAUSE_END.has(text[j]!)) j--;
    const start = j + 1;
    if (j >= 0 && !SENTENCE_END.has(text[j]!) && CONTINUATION.test(text.slice(start, start + 2))) {
      j -= 1;
      continue;
    }
    return start;
  }
}

export function clauseEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !CLAUSE_END.has(text[j]!)) j++;
  return j;
}

/** Start of the line containing offset i. */
export function lineStart(text: string, i: number): number {
  return text.lastIndexOf("\n", i - 1) + 1;
}
