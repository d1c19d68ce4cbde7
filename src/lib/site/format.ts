// How figures are written on the site: Chinese number formatting and qualifier marks.
import type { Qualifier } from "../extract/types.ts";

const NUMBER = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

export function formatNumber(v: number): string {
  return NUMBER.format(v);
}

/** ≥ for 余/多/以上, 近 for 近/不足, 约 for 约/左右 (spec §2). */
export const QUALIFIER_MARK: Record<Qualifier, string> = { exact: "", at_least: "≥", at_most: "近", approx: "约" };
export const QUALIFIER_TEXT: Record<Qualifier, string> = { exact: "确数", at_least: "不少于（余、多、以上）", at_most: "不足（近、不到）", approx: "约数（约、左右）" };

export function formatFigure(value: number, qualifier: Qualifier, unit = ""): string {
  const mark = QUALIFIER_MARK[qualifier];
  return `${mark}${formatNumber(value)}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`;
}
