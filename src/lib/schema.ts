// The schema of the generated data the site reads (validated when written, and by tests).
import { z } from "zod";

export const qualifierSchema = z.enum(["exact", "at_least", "at_most", "approx"]);

export const mentionSchema = z
  .object({
    value: z.number().finite().nonnegative(),
    qualifier: qualifierSchema,
    part: z.boolean(),
    repeat: z.boolean().optional(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((m) => m.end > m.start, { message: "evidence span is empty" });

export const indicatorTotalSchema = z.object({
  value: z.number().finite().nonnegative(),
  qualifier: qualifierSchema,
  mentions: z.array(mentionSchema).min(1),
});

export const reportSchema = z
  .object({
    /** stable URL slug of the township-year (src/lib/slug.ts) */
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
    text: z.string(),
    sections: z.array(z.object({ kind: z.enum(["problems", "plans"]), title: z.string(), start: z.number().int(), end: z.number().int() })),
  })
  .superRefine((r, ctx) => {
    for (const [id, t] of Object.entries(r.indicators)) {
      for (const m of t.mentions) {
        if (m.end > r.text.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${r.file}: ${id} evidence span beyond the text` });
      }
    }
  });

export const generatedSchema = z.object({
  generatedFrom: z.string(),
  reports: z.array(reportSchema),
});

export type GeneratedData = z.infer<typeof generatedSchema>;
export type SiteReport = z.infer<typeof reportSchema>;
