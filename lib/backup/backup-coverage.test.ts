// The backup must keep up with the data model: every column of every model that hangs off a review is in the
// backup format, or deliberately left out here with the reason. A new model or column fails this test until
// the backup (format, export and restore) carries it or this file says why it need not.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { readPrismaSchema } from "@/lib/testing/prisma-schema-reader";
import { backupSchema } from "./backup-format";

type Shape = Record<string, z.ZodType>;
const tables = backupSchema.shape;
// A table added after version 1 defaults to [] for older files: look through the default to the array.
const rowsOf = (key: keyof typeof tables) => {
  const table = tables[key] as unknown as { element?: { shape: Shape }; unwrap?: () => { element: { shape: Shape } } };
  return (table.element ?? table.unwrap!().element).shape;
};

/** Model → where its rows live in the backup, and the columns the backup leaves out on purpose. */
const CARRIED: Record<string, { shape: Shape; omitted: string[] }> = {
  // The seed key marks the seeded demo review of an installation; a restored copy is not that review.
  Review: { shape: tables.review.shape as Shape, omitted: ["seedKey"] },
  Membership: { shape: rowsOf("members"), omitted: ["id", "reviewId"] },
  ReviewStage: { shape: rowsOf("stages"), omitted: ["reviewId"] },
  ExclusionReason: { shape: rowsOf("exclusionReasons"), omitted: ["reviewId"] },
  ReviewItem: { shape: rowsOf("items"), omitted: ["reviewId"] },
  // Authors are carried inside their item, in order.
  ItemAuthor: {
    shape: (rowsOf("items").authors as unknown as { element: { shape: Shape } }).element.shape,
    omitted: ["id", "itemId"],
  },
  ItemAssignment: { shape: rowsOf("itemAssignments"), omitted: [] },
  StatusChange: { shape: rowsOf("statusChanges"), omitted: [] },
  ScreeningVote: { shape: rowsOf("screeningVotes"), omitted: [] },
  ScreeningDecision: { shape: rowsOf("screeningDecisions"), omitted: [] },
  Theme: { shape: rowsOf("themes"), omitted: ["reviewId"] },
  ItemTheme: { shape: rowsOf("itemThemes"), omitted: [] },
  Coding: { shape: rowsOf("codings"), omitted: ["reviewId"] },
  CodingTheme: { shape: rowsOf("codingThemes"), omitted: [] },
  SynthesisSection: { shape: rowsOf("sections"), omitted: ["reviewId"] },
  SectionDocument: { shape: rowsOf("sectionDocuments"), omitted: [] },
  SectionVersion: { shape: rowsOf("sectionVersions"), omitted: [] },
  CommentRound: { shape: rowsOf("rounds"), omitted: ["reviewId"] },
  RoundSection: { shape: rowsOf("roundSections"), omitted: [] },
  CommentThread: { shape: rowsOf("threads"), omitted: ["reviewId"] },
  Comment: { shape: rowsOf("comments"), omitted: [] },
  ActivityEvent: { shape: rowsOf("activity"), omitted: ["reviewId"] },
  ItemFile: { shape: rowsOf("files"), omitted: ["reviewId"] },
  ScreeningStop: { shape: rowsOf("screeningStops"), omitted: ["reviewId"] },
};

const LEFT_OUT: Record<string, string> = {
  User: "accounts are not the review's: people are carried by email and name",
  SignInAttempt: "rate-limiter records of the installation",
  RevokedSession: "signed-out sessions of the installation's accounts",
  PendingSignUp: "sign-ups of the installation waiting for their e-mail to be confirmed",
  Invitation: "links issued for the original review; the restored review's owner invites again",
  Notification: "members' inboxes on the original review, with links into it",
  NotificationPreference: "a person's e-mail choices belong to their account, not to a review",
  EmailMessage: "the installation's record of e-mails sent, kept so none is sent twice",
  ItemReference: "derived from the items' full texts, parsed again on restore",
  SearchEntry: "the search index, derived from the restored content and rebuilt by the indexer's triggers",
  SearchPending: "the search index's work queue",
  FileBlob: "the file store's bookkeeping: the bytes travel in the backup's .zip and the row is made again on restore",
  ScreeningRanking: "the relevance model's summary, derived from the decisions and retrained after a restore",
  ScreeningScore: "the relevance model's scores, derived from the decisions and retrained after a restore",
  SearchWord: 'the search index\'s word list for "did you mean", rebuilt with the index',
};

describe("backup coverage", () => {
  const catalog = readPrismaSchema(
    readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8"),
  );

  it("names every model of the schema as carried or left out", () => {
    const unaccounted = catalog.models
      .map((model) => model.name)
      .filter((name) => !(name in CARRIED) && !(name in LEFT_OUT));
    expect(unaccounted).toEqual([]);
  });

  for (const [model, { shape, omitted }] of Object.entries(CARRIED)) {
    it(`carries every column of ${model}`, () => {
      const columns = catalog.models.find((entry) => entry.name === model)!.columns.map((column) => column.name);
      expect(columns.filter((column) => !(column in shape) && !omitted.includes(column))).toEqual([]);
      // And nothing that is not a column (a field renamed in the schema but not in the backup).
      expect(Object.keys(shape).filter((key) => !columns.includes(key) && key !== "authors")).toEqual([]);
    });
  }
});
