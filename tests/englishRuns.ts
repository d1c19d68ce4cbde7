// Runs of English words in text meant for readers of Chinese: shared by the 统计口径 test and the
// browser crawl that fails on English sentences in any page a visitor meets.

/** Tokens a Chinese page may show as they are: formats, products, units of code. One a line. */
export const ALLOWED_TOKENS = [
  "CSV",
  "JSON",
  "SVG",
  "PNG",
  "PDF",
  "Excel",
  "Word",
  "JavaScript",
  "Pagefind",
  "UTF-8",
  "BOM",
];

/** Names of standards and licences, and commands, that pages cite as they are written. One a line. */
export const ALLOWED_PHRASES = [
  "Frictionless Data Package",
  "Creative Commons Attribution",
  "npm run build",
  "npm run review",
];

const FILE_NAME = /[\w.-]+\.(?:txt|docx?|html?|pdf|csv|json|svg|png)\b/gi;
const WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g;

/** Each run of `min` or more English words with only spaces or ASCII punctuation between them. */
export function englishRuns(text: string, min = 3): string[] {
  const allowed = new Set(ALLOWED_TOKENS.map((t) => t.toLowerCase()));
  const cleaned = ALLOWED_PHRASES.reduce((t, p) => t.split(p).join(" · "), text)
    .replace(FILE_NAME, " · ").replace(WORD, (w) => (allowed.has(w.toLowerCase()) ? " · " : w));
  const runs: string[] = [];
  const re = new RegExp(String.raw`(?:[A-Za-z][A-Za-z'’-]*[ \t,;:()/&"-]+){${min - 1},}[A-Za-z][A-Za-z'’-]*`, "g");
  for (const m of cleaned.matchAll(re)) if ((m[0].match(WORD) ?? []).length >= min) runs.push(m[0].trim());
  return runs;
}

/** Share of Han characters among the Han characters and the letters of words (not a lone N of
 * “N件”) of a text: 1 for pure Chinese. */
export function hanShare(text: string): number {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]{2,}/g) ?? []).join("").length;
  return han + latin === 0 ? 0 : han / (han + latin);
}
