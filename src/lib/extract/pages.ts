// Pages of a report that came from a paged document (PDF): the start offset of each page in the
// normalised text, and the page an evidence span is on.

/**
 * Page starts in the normalised text from page starts in the reader's raw text: the first
 * normalised index whose source index is at or after the raw start (`sourceIndex` as in
 * Normalized: one entry per normalised character plus the input length, non-decreasing).
 */
export function mapPageStarts(rawStarts: readonly number[], sourceIndex: ArrayLike<number>): number[] {
  const n = sourceIndex.length; // text length + 1
  return rawStarts.map((raw) => {
    let lo = 0;
    let hi = n - 1; // sourceIndex[n - 1] is the input length, ≥ any raw start
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sourceIndex[mid]! >= raw) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  });
}

/**
 * The 1-based page that a normalised offset is on: the last page starting at or before it.
 * 0 when the report has no pages (it did not come from a paged document).
 */
export function pageOf(pages: readonly number[] | undefined, offset: number): number {
  if (!pages || pages.length === 0) return 0;
  let lo = 0;
  let hi = pages.length - 1;
  if (offset < pages[0]!) return 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
