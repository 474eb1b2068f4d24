// The review backup file: one JSON document holding everything that hangs off a review, with the ids it had
// where it came from (restore gives every record a new one). Bumping VERSION means writing a reader for the old.
import { z } from "zod";
import { CONTRIBUTOR_ROLES, ITEM_TYPES } from "@/lib/bibliography/item-types";

export const BACKUP_FORMAT = "huitong-backup";
export const BACKUP_VERSION = 1;

const id = z.string().min(1).max(64);
const time = z.iso.datetime({ offset: true });
const optionalTime = time.nullable();
const text = z.string().nullable();
const json = z.json();
const base64 = z.base64();
const person = id.nullable();

const reviewRole = z.enum(["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"]);
const choice = z.enum(["INCLUDE", "EXCLUDE", "MAYBE"]);

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: time,
  review: z.object({
    id,
    titleZh: text,
    titleEn: text,
    descriptionZh: text,
    descriptionEn: text,
    screeningVotesRequired: z.number().int().min(1).max(20),
    // Added after version 1 was first written: older files read with the default stopping rule.
    screeningStopRule: z.enum(["CONSECUTIVE_EXCLUSIONS", "ESTIMATED_RECALL"]).default("CONSECUTIVE_EXCLUSIONS"),
    screeningStopValue: z.number().int().min(1).max(100_000).default(100),
    // Added later too: older files restore with no highlight words.
    screeningHighlights: z.array(z.string().max(40)).max(40).default([]),
    citationStyle: z.enum(["GBT7714_NUMERIC", "GBT7714_AUTHOR_DATE", "APA"]),
    createdAt: time,
    updatedAt: time,
  }),
  /** Everyone the backup names — members and anyone who acted in the review — by email and name. */
  people: z.array(z.object({ id, email: z.string().min(3).max(320), name: z.string().max(200) })),
  members: z.array(z.object({ userId: id, role: reviewRole, createdAt: time, updatedAt: time })),
  stages: z.array(
    z.object({
      id,
      key: z.string().min(1).max(100),
      nameZh: z.string(),
      nameEn: z.string(),
      position: z.number().int(),
      kind: z.enum(["ACTIVE", "EXCLUDED"]),
      createdAt: time,
    }),
  ),
  exclusionReasons: z.array(
    z.object({
      id,
      labelZh: z.string(),
      labelEn: z.string(),
      position: z.number().int(),
      archivedAt: optionalTime,
      createdAt: time,
    }),
  ),
  items: z.array(
    z.object({
      id,
      stageId: id,
      seedKey: text,
      // Added after version 1 was first written: older files lack them and read as journal articles.
      itemType: z.enum(ITEM_TYPES).default("JOURNAL_ARTICLE"),
      genre: text.default(null),
      publisher: text.default(null),
      publisherPlace: text.default(null),
      edition: text.default(null),
      eventTitle: text.default(null),
      eventPlace: text.default(null),
      eventDate: text.default(null),
      number: text.default(null),
      jurisdiction: text.default(null),
      url: text.default(null),
      issuedDate: text.default(null),
      accessedDate: text.default(null),
      language: text.default(null),
      moreAuthors: z.boolean().default(false),
      titleZh: text,
      titleEn: text,
      journalZh: text,
      journalEn: text,
      year: z.number().int().nullable(),
      volume: text,
      issue: text,
      pages: text,
      doi: text,
      keywordsZh: z.array(z.string()),
      keywordsEn: z.array(z.string()),
      abstractZh: text,
      abstractEn: text,
      funding: text,
      identifiers: json,
      dates: json,
      sourceKind: z.enum([
        "JOURNAL_SITE",
        "PREPRINT_SERVER",
        "REPOST_SITE",
        "DATABASE_EXPORT",
        "MANUAL",
        "CITATION_SEARCH",
      ]),
      sourceName: text,
      sourceNote: text,
      sourceFile: text,
      fullText: text,
      exclusionReasonId: id.nullable(),
      screeningState: z.enum(["UNSCREENED", "IN_PROGRESS", "CONFLICT", "INCLUDED", "EXCLUDED"]),
      version: z.number().int().min(1),
      createdById: person,
      createdAt: time,
      updatedAt: time,
      deletedAt: optionalTime,
      deletedById: person,
      duplicateOfId: id.nullable(),
      authors: z.array(
        z.object({
          role: z.enum(CONTRIBUTOR_ROLES).default("AUTHOR"),
          position: z.number().int(),
          nameZh: text,
          nameEn: text,
          affiliations: z.array(z.string()),
          corresponding: z.boolean(),
          bio: text,
        }),
      ),
    }),
  ),
  itemAssignments: z.array(z.object({ itemId: id, userId: id, assignedById: person, createdAt: time })),
  statusChanges: z.array(
    z.object({
      id,
      itemId: id,
      fromStageId: id.nullable(),
      toStageId: id,
      changedById: person,
      note: text,
      exclusionReasonId: id.nullable(),
      revertsId: id.nullable(),
      createdAt: time,
    }),
  ),
  screeningVotes: z.array(
    z.object({
      id,
      itemId: id,
      userId: id,
      choice,
      reasonId: id.nullable(),
      note: text,
      createdAt: time,
      updatedAt: time,
    }),
  ),
  // Stops of prioritised screening, which PRISMA reports; absent from files written before they existed.
  screeningStops: z
    .array(
      z.object({
        id,
        rule: z.enum(["CONSECUTIVE_EXCLUSIONS", "ESTIMATED_RECALL"]),
        ruleValue: z.number().int(),
        decidedCount: z.number().int(),
        undecidedCount: z.number().int(),
        sinceLastInclusion: z.number().int(),
        estimatedRemaining: z.number().nullable(),
        note: text,
        stoppedById: person,
        createdAt: time,
      }),
    )
    .default([]),
  screeningDecisions: z.array(
    z.object({
      itemId: id,
      choice,
      reasonId: id.nullable(),
      note: text,
      resolvedById: person,
      wasConflict: z.boolean(),
      createdAt: time,
    }),
  ),
  themes: z.array(
    z.object({
      id,
      nameZh: z.string(),
      nameEn: text,
      color: z.string(),
      definitionZh: text,
      definitionEn: text,
      inclusionNotes: text,
      parentId: id.nullable(),
      position: z.number().int(),
      archivedAt: optionalTime,
      mergedIntoId: id.nullable(),
      version: z.number().int().min(1),
      createdAt: time,
      updatedAt: time,
    }),
  ),
  itemThemes: z.array(z.object({ itemId: id, themeId: id, taggedById: person, createdAt: time })),
  codings: z.array(
    z.object({
      id,
      itemId: id,
      field: z.enum(["FULL_TEXT", "ABSTRACT_ZH", "ABSTRACT_EN"]),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      quote: z.string(),
      prefix: z.string(),
      suffix: z.string(),
      memo: text,
      orphaned: z.boolean(),
      createdById: person,
      createdAt: time,
      updatedAt: time,
    }),
  ),
  codingThemes: z.array(z.object({ codingId: id, themeId: id })),
  sections: z.array(
    z.object({
      id,
      title: z.string(),
      themeId: id.nullable(),
      status: z.enum(["DRAFTING", "READY_FOR_REVIEW", "REVISED", "APPROVED"]),
      ownerId: person,
      position: z.number().int(),
      version: z.number().int().min(1),
      createdById: person,
      createdAt: time,
      updatedAt: time,
      deletedAt: optionalTime,
      deletedById: person,
    }),
  ),
  /** The Yjs state (base64) of each section with its JSON and plain-text projection. */
  sectionDocuments: z.array(
    z.object({
      sectionId: id,
      state: base64,
      content: json,
      text: z.string(),
      citedItemIds: z.array(id),
      quotedCodingIds: z.array(id),
      updatedById: person,
      updatedAt: time,
    }),
  ),
  sectionVersions: z.array(
    z.object({
      id,
      sectionId: id,
      kind: z.enum(["AUTO", "NAMED", "BEFORE_RESTORE"]),
      name: text,
      state: base64,
      content: json,
      text: z.string(),
      createdById: person,
      createdAt: time,
    }),
  ),
  rounds: z.array(
    z.object({
      id,
      number: z.number().int().min(1),
      title: z.string(),
      note: text,
      dueAt: optionalTime,
      state: z.enum(["OPEN", "CLOSED"]),
      openedById: person,
      openedAt: time,
      closedById: person,
      closedAt: optionalTime,
    }),
  ),
  roundSections: z.array(z.object({ roundId: id, sectionId: id, snapshotText: z.string(), snapshotContent: json })),
  threads: z.array(
    z.object({
      id,
      sectionId: id,
      roundId: id.nullable(),
      anchorStart: text,
      anchorEnd: text,
      quote: text,
      state: z.enum(["OPEN", "ADDRESSED", "ACCEPTED"]),
      suggestion: text,
      suggestionState: z.enum(["PENDING", "APPLIED", "REJECTED"]).nullable(),
      decidedById: person,
      decidedAt: optionalTime,
      textAtStart: text,
      // Added after version 1 was first written; older files read as having none (text-only answered changes).
      contentAtStart: json.nullish(),
      createdById: person,
      createdAt: time,
      updatedAt: time,
      deletedAt: optionalTime,
    }),
  ),
  comments: z.array(
    z.object({
      id,
      threadId: id,
      authorId: person,
      body: z.string(),
      mentions: z.array(id),
      textAtAnswer: text,
      contentAtAnswer: json.nullish(),
      createdAt: time,
      editedAt: optionalTime,
      deletedAt: optionalTime,
    }),
  ),
  /**
   * The items' attached files. The bytes travel beside the JSON in the backup's .zip as `files/<sha256>`;
   * added after version 1 was first written, so older files read as having none.
   */
  files: z
    .array(
      z.object({
        id,
        itemId: id,
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        fileName: z.string().min(1).max(500),
        byteSize: z.number().int().min(0),
        isMain: z.boolean(),
        pageCount: z.number().int().min(0).nullable(),
        state: z.enum(["QUEUED", "EXTRACTING", "OCR_QUEUED", "OCR_RUNNING", "DONE", "FAILED", "OCR_UNAVAILABLE"]),
        pagesDone: z.number().int().min(0),
        errorCode: text,
        errorDetail: text,
        extractedText: text,
        pageStarts: z.array(z.number().int().min(0)),
        footnotes: json,
        usedOcr: z.boolean(),
        metadata: json,
        textAppliedAt: optionalTime,
        textDeclinedAt: optionalTime,
        createdById: person,
        createdAt: time,
        updatedAt: time,
      }),
    )
    .default([]),
  activity: z.array(
    z.object({
      id,
      actorId: person,
      kind: z.string().min(1).max(100),
      subjectType: z.string().min(1).max(50),
      subjectId: id,
      data: json,
      createdAt: time,
    }),
  ),
});

export type Backup = z.infer<typeof backupSchema>;
