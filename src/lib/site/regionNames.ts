// Short names of provinces for chart labels, where a column of bars has little room:
// 内蒙古自治区 → 内蒙古, 新疆维吾尔自治区 → 新疆, 北京市 → 北京. Tables and captions keep full names.

/** Suffixes dropped from a province-level name, longest first. One a line. */
export const PROVINCE_SUFFIXES = [
  "维吾尔自治区",
  "壮族自治区",
  "回族自治区",
  "特别行政区",
  "自治区",
  "省",
  "市",
];

/** The province's name without its suffix (never shorter than two characters). */
export function shortProvinceName(name: string): string {
  for (const suffix of PROVINCE_SUFFIXES) {
    if (name.endsWith(suffix) && [...name].length - [...suffix].length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}
