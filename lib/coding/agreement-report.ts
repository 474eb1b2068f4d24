// The character-level agreement of two or more coders over the whole codebook, loaded for one review: every
// coded passage of the chosen coders placed on the paper's current text, then measured by characterAgreement.
import { z } from "zod";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { treeOrder } from "@/lib/themes/tree";
import { resolveAnchor } from "./anchor";
import { characterAgreement, type CodedSpan } from "./character-agreement";
import { FIELD_COLUMN, PASSAGE_FIELDS, textOf } from "./passage-field";

/** How many coders one report compares: enough for a team, few enough for a readable table. */
export const MAX_AGREEMENT_CODERS = 8;

export const agreementInput = z.object({
  coderIds: z
    .array(z.string().min(1).max(64))
    .min(2)
    .max(MAX_AGREEMENT_CODERS)
    .refine((ids) => new Set(ids).size === ids.length, { message: "each coder once" }),
});

export async function loadAgreementReport(access: ReviewAccess, input: unknown) {
  const parsed = agreementInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", `agreement: ${parsed.error.message}`);
  const { coderIds } = parsed.data;
  const { reviewId } = access.require("review.read");
  const coders = await db().membership.findMany({
    where: { reviewId, userId: { in: coderIds } },
    select: { user: { select: { id: true, name: true } } },
  });
  // A foreign id finds nothing, like any other read.
  if (coders.length !== coderIds.length) throw new AppError("NOT_FOUND", "coder not in this review");
  const nameOf = new Map(coders.map(({ user }) => [user.id, user.name]));

  const [themes, codings] = await Promise.all([
    db().theme.findMany({
      where: { reviewId, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, parentId: true },
    }),
    db().coding.findMany({
      where: { reviewId, createdById: { in: coderIds }, item: { deletedAt: null } },
      select: {
        id: true,
        itemId: true,
        field: true,
        start: true,
        end: true,
        quote: true,
        prefix: true,
        suffix: true,
        orphaned: true,
        createdById: true,
        themes: { select: { themeId: true } },
      },
    }),
  ]);
  const items = await db().reviewItem.findMany({
    where: { reviewId, id: { in: [...new Set(codings.map((coding) => coding.itemId))] } },
    orderBy: [{ year: { sort: "desc", nulls: "last" } }, { titleZh: "asc" }, { id: "asc" }],
    select: { id: true, titleZh: true, titleEn: true, year: true, fullText: true, abstractZh: true, abstractEn: true },
  });
  const itemById = new Map(items.map((item) => [item.id, item]));

  // Passages are measured where they stand in today's text; one whose quote can no longer be found is left out
  // (and counted), as its characters are unknown.
  let unplaced = 0;
  const spans: CodedSpan[] = [];
  for (const coding of codings) {
    const item = itemById.get(coding.itemId);
    if (!item || !coding.createdById) continue;
    const placed = coding.orphaned ? null : resolveAnchor(textOf(item, coding.field), coding);
    if (!placed || placed.status === "orphaned") {
      unplaced += 1;
      continue;
    }
    spans.push({
      coderId: coding.createdById,
      itemId: coding.itemId,
      field: coding.field,
      start: placed.start,
      end: placed.end,
      themeIds: coding.themes.map((link) => link.themeId),
    });
  }

  const ordered = treeOrder(themes);
  const report = characterAgreement({
    coderIds,
    themeIds: ordered.map((theme) => theme.id),
    papers: items.map((item) => ({
      itemId: item.id,
      lengths: Object.fromEntries(PASSAGE_FIELDS.map((field) => [field, (item[FIELD_COLUMN[field]] ?? "").length])),
    })),
    spans,
  });
  return {
    ...report,
    coders: coderIds.map((id) => ({ id, name: nameOf.get(id) ?? "" })),
    themes: report.themes.map((row) => ({ ...row, theme: ordered.find((theme) => theme.id === row.themeId)! })),
    cells: report.cells.map((row) => ({
      ...row,
      theme: ordered.find((theme) => theme.id === row.themeId)!,
      item: itemById.get(row.itemId)!,
    })),
    unplaced,
  };
}

export type AgreementReportView = Awaited<ReturnType<typeof loadAgreementReport>>;
