// The schema of the generated data the site reads (validated when written, and by tests).
import { z } from "zod";
import { UNCOUNTED_KIND_ZH, type UncountedKind } from "../extract/uncountedReasons.ts";

export const qualifierSchema = z.enum(["exact", "at_least", "at_most", "approx"]);

/** How sure the extractor is of a mention (src/lib/extract/types.ts Confidence); low is shown as 待核实. */
export const confidenceSchema = z.enum(["high", "medium", "low"]);

export const mentionSchema = z
  .object({
    value: z.number().finite().nonnegative(),
    qualifier: qualifierSchema,
    part: z.boolean(),
    repeat: z.boolean().optional(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    confidence: confidenceSchema,
    /** which cues decided, and how far they stood from the figure */
    reason: z.string().min(1),
    /** the evidence: text.slice(start, end), stored so that pages and downloads need no full text */
    quote: z.string().optional(),
  })
  .refine((m) => m.end > m.start, { message: "evidence span is empty" });

/** A number with a counting unit that no figure counts (src/lib/extract/uncounted.ts). */
export const uncountedSchema = z
  .object({
    value: z.number().finite().nonnegative(),
    qualifier: qualifierSchema,
    unit: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    kind: z.enum(Object.keys(UNCOUNTED_KIND_ZH) as [UncountedKind, ...UncountedKind[]]),
    reason: z.string().min(1),
    plausible: z.array(z.string()),
    /** the sentence the number stands in, for a number with plausible indicators: the review page and its CSV need no full text */
    sentence: z.string().optional(),
  })
  .refine((u) => u.end > u.start, { message: "uncounted number's span is empty" });

/** A hand correction (src/lib/site/corrections.ts): value/qualifier shown instead of the extracted ones. */
export const correctionSchema = z.object({
  value: z.number().finite().nonnegative(),
  qualifier: qualifierSchema,
  reason: z.string().min(1),
  who: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  extractedValue: z.number().finite().nonnegative().nullable(),
  extractedQualifier: qualifierSchema.nullable(),
  source: z.string(),
  /** corrected (the default) or verified: the figure was checked and confirmed as read */
  status: z.enum(["corrected", "verified"]).optional(),
});

export const indicatorTotalSchema = z
  .object({
    value: z.number().finite().nonnegative(),
    qualifier: qualifierSchema,
    mentions: z.array(mentionSchema),
    corrected: correctionSchema.optional(),
  })
  // only a corrected figure (one the extractor missed) may come without evidence
  .refine((t) => t.mentions.length > 0 || t.corrected !== undefined, { message: "a figure needs at least one mention unless corrected by hand" });

export const reportSchema = z
  .object({
    /** stable URL slug of the township-year (src/lib/site/slug.ts) */
    id: z.string().min(1),
    file: z.string().min(1),
    township: z.string().nullable(),
    county: z.string().nullable(),
    city: z.string().nullable(),
    province: z.string().nullable(),
    code: z.string().regex(/^\d{9}$/).nullable(),
    year: z.number().int().min(1990).max(2100).nullable(),
    indicators: z.record(z.string(), indicatorTotalSchema),
    warnings: z.array(z.string()),
    errors: z.array(z.string()),
    title: z.string().nullable(),
    reportDate: z.string().nullable(),
    issuer: z.string().nullable(),
    encoding: z.string().nullable(),
    /** length of the normalised text; the text itself is in its own file (src/lib/site/generated.ts) */
    textLength: z.number().int().nonnegative(),
    /** content key of the text file */
    textKey: z.string().nullable(),
    sections: z.array(
      z.object({
        kind: z.enum(["problems", "plans"]),
        title: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        /** the section's lines, for listing on the profile */
        items: z.array(z.string()).optional(),
      }),
    ),
    /** for a paged document (PDF): start offset of each page in `text` */
    pages: z.array(z.number().int().nonnegative()).optional(),
    /** numbers with a counting unit that no figure counts, with why (absent in indexes of older builds) */
    uncounted: z.array(uncountedSchema).optional(),
  })
  .superRefine((r, ctx) => {
    for (const [id, t] of Object.entries(r.indicators)) {
      for (const m of t.mentions) {
        if (m.end > r.textLength) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${r.file}: ${id} evidence span beyond the text` });
      }
    }
    for (const u of r.uncounted ?? []) {
      if (u.end > r.textLength) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${r.file}: uncounted number's span beyond the text` });
    }
    if (r.pages) {
      const ok = r.pages.every((p, i) => p <= r.textLength && (i === 0 || p >= r.pages![i - 1]!));
      if (!ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${r.file}: page starts out of order or beyond the text` });
    }
  });

export const generatedSchema = z.object({
  generatedFrom: z.string(),
  reports: z.array(reportSchema),
});

export type GeneratedData = z.infer<typeof generatedSchema>;
export type SiteReport = z.infer<typeof reportSchema>;
export type SiteUncounted = z.infer<typeof uncountedSchema>;
export type SiteMention = z.infer<typeof mentionSchema>;
