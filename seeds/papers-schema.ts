import { z } from "zod";

const nullableText = z.string().min(1).nullable();

export const paperSchema = z.object({
  file: z.string().regex(/^[\w.-]+\.txt$/),
  source: z.object({
    kind: z.enum(["JOURNAL_SITE", "PREPRINT_SERVER", "REPOST_SITE"]),
    name: nullableText,
    note: nullableText,
  }),
  titleZh: nullableText,
  titleEn: nullableText,
  authors: z.array(
    z.object({
      nameZh: nullableText,
      nameEn: nullableText,
      affiliations: z.array(z.string().min(1)),
      corresponding: z.boolean(),
      bio: nullableText,
    }),
  ),
  journalZh: nullableText,
  journalEn: nullableText,
  year: z.number().int().min(1800).max(2100).nullable(),
  volume: nullableText,
  issue: nullableText,
  pages: nullableText,
  doi: nullableText,
  identifiers: z.array(z.object({ type: z.string().min(1), value: z.string().min(1) })),
  keywordsZh: z.array(z.string().min(1)),
  keywordsEn: z.array(z.string().min(1)),
  abstractZh: nullableText,
  abstractEn: nullableText,
  funding: nullableText,
  dates: z.object({
    received: z.iso.date().nullable(),
    published: z.iso.date().nullable(),
    online: z.iso.date().nullable(),
  }),
  fullText: z.object({ start: z.string().min(10), end: z.string().min(10), dropLines: z.array(z.string()) }).nullable(),
  themes: z.array(z.string().min(1)),
  curationNotes: z.string(),
});

export const themeSeedSchema = z.object({
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  definitionZh: z.string().min(1),
  definitionEn: z.string().min(1),
});

export const papersFileSchema = z.object({
  themes: z.array(themeSeedSchema).min(3),
  papers: z.array(paperSchema).length(5),
});

export type PaperSeed = z.infer<typeof paperSchema>;
export type PapersFile = z.infer<typeof papersFileSchema>;
