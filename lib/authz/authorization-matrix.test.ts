// Every command and query of the foundation, tried by every role and by a member of another review.
import { beforeAll, describe, expect, it } from "vitest";
import { listActivity } from "@/lib/activity/queries";
import { issueSectionTicket } from "@/lib/collab/issue-ticket";
import type { Database } from "@/lib/db/client";
import type { ReviewRole } from "@/lib/db/generated/enums";
import { changeStage } from "@/lib/workflow/commands";
import { listThemeOptions } from "@/lib/coding/queries";
import { getDashboard } from "@/lib/dashboard/queries";
import { createItem, updateItem } from "@/lib/items/commands";
import { EMPTY_ITEM_FIELDS } from "@/lib/items/item-fields";
import { getItem, listTrash } from "@/lib/items/queries";
import { listLibraryPage, parseLibraryParams } from "@/lib/library/query";
import { changeMemberRole, createInvitation, removeMember, revokeInvitation } from "@/lib/members/commands";
import { listMembers, listPendingInvitations } from "@/lib/members/queries";
import { getReview } from "@/lib/reviews/queries";
import { renderSynthesisCitations } from "@/lib/synthesis/bibliography";
import { storeSectionState } from "@/lib/synthesis/document-store";
import { exportSynthesis } from "@/lib/synthesis/export";
import {
  getSectionForEditor,
  getSectionVersion,
  listSections,
  listSectionVersions,
  searchCitableItems,
} from "@/lib/synthesis/queries";
import {
  createSection,
  moveSection,
  saveSectionVersion,
  setCitationStyle,
  setSectionTrashed,
  updateSection,
} from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import {
  decideSuggestions,
  deleteComment,
  editComment,
  replyToThread,
  setThreadState,
  startThread,
} from "@/lib/comments/threads";
import { listSectionThreads } from "@/lib/comments/queries";
import { getRoundSummary, listRounds } from "@/lib/rounds/queries";
import { closeRound, openRound } from "@/lib/rounds/rounds";
import { exportRoundDocx } from "@/lib/rounds/export-round";
import { createTestDatabase } from "@/lib/testing/test-database";
import { exportBackup } from "@/lib/backup/export-backup";
import { addCitedReference } from "@/lib/references/commands";
import { listItemReferences, listSharedReferences } from "@/lib/references/queries";
import { refreshItemReferences } from "@/lib/references/sync";
import { accessTo } from "@/lib/testing/access";

let db: Database;
let a: Awaited<ReturnType<typeof createReviewWithTeam>>;
let b: Awaited<ReturnType<typeof createReviewWithTeam>>;

/** Per review: a section with stored text and an automatic version, and one that is trashed and restored. */
const synthesis = new Map<string, { sectionId: string; versionId: string; trashableId: string }>();

async function addSynthesis(team: typeof a) {
  const owner = team.users.OWNER.id;
  const { sectionId } = await createSection(await accessTo(owner, team.reviewId), {
    reviewId: team.reviewId,
    title: "引言",
  });
  const { sectionId: trashableId } = await createSection(await accessTo(owner, team.reviewId), {
    reviewId: team.reviewId,
    title: "可删",
  });
  const content = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "韧性治理" },
          { type: "citation", attrs: { itemId: team.itemId, locator: null } },
        ],
      },
    ],
  };
  // The state bytes are opaque here; only the projection (text, citations) is read by these operations.
  await storeSectionState({ sectionId, state: new Uint8Array([0, 0]), content, updatedById: owner });
  const { id: versionId } = await db.sectionVersion.findFirstOrThrow({ where: { sectionId } });
  synthesis.set(team.reviewId, { sectionId, versionId, trashableId });
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  process.env.AUTH_SECRET ??= "authorization-matrix-secret";
  a = await createReviewWithTeam(db, "a");
  b = await createReviewWithTeam(db, "b");
  await addSynthesis(a);
  await addSynthesis(b);
});

type Team = typeof a;
const synthesisOf = (team: Team) => synthesis.get(team.reviewId)!;
const EXPORT_HEADINGS = { bibliography: "参考文献", notes: "注释", untitled: "综述" };
interface Operation {
  allowed: ReviewRole[];
  /** Setup the attempt needs (a fresh round, thread or section), made before the "nothing changed" snapshot. */
  prepare?: (team: Team, userId: string) => Promise<string>;
  run: (userId: string, team: Team, prepared: string) => Promise<unknown>;
}

const OPERATIONS: Record<string, Operation> = {
  getReview: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => getReview(await accessTo(u, t.reviewId)),
  },
  listLibraryPage: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listLibraryPage(await accessTo(u, t.reviewId), parseLibraryParams({})),
  },
  getItem: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => getItem(await accessTo(u, t.reviewId), t.itemId),
  },
  listMembers: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listMembers(await accessTo(u, t.reviewId)),
  },
  listActivity: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listActivity(await accessTo(u, t.reviewId)),
  },
  getDashboard: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => getDashboard(await accessTo(u, t.reviewId)),
  },
  listThemeOptions: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listThemeOptions(await accessTo(u, t.reviewId)),
  },
  listTrash: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listTrash(await accessTo(u, t.reviewId)),
  },
  createItem: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) =>
      createItem(await accessTo(u, t.reviewId), {
        reviewId: t.reviewId,
        fields: { ...EMPTY_ITEM_FIELDS, titleZh: "手动添加" },
      }),
  },
  updateItem: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) => {
      const { version } = await db.reviewItem.findUniqueOrThrow({ where: { id: t.itemId } });
      return updateItem(await accessTo(u, t.reviewId), {
        reviewId: t.reviewId,
        itemId: t.itemId,
        version,
        fields: { ...EMPTY_ITEM_FIELDS, titleZh: `修改 ${version}` },
      });
    },
  },
  listPendingInvitations: {
    allowed: ["OWNER"],
    run: async (u, t) => listPendingInvitations(await accessTo(u, t.reviewId)),
  },
  changeStage: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) =>
      changeStage(await accessTo(u, t.reviewId), { reviewId: t.reviewId, itemId: t.itemId, stageId: t.stages[1]!.id }),
  },
  createInvitation: {
    allowed: ["OWNER"],
    run: async (u, t) => createInvitation(await accessTo(u, t.reviewId), { reviewId: t.reviewId, role: "VIEWER" }),
  },
  changeMemberRole: {
    allowed: ["OWNER"],
    run: async (u, t) => {
      const viewer = t.memberships.find((m) => m.role === "VIEWER")!;
      return changeMemberRole(await accessTo(u, t.reviewId), {
        reviewId: t.reviewId,
        membershipId: viewer.id,
        role: "VIEWER",
      });
    },
  },
  listSections: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listSections(await accessTo(u, t.reviewId)),
  },
  getSectionForEditor: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => getSectionForEditor(await accessTo(u, t.reviewId), synthesisOf(t).sectionId),
  },
  listSectionVersions: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listSectionVersions(await accessTo(u, t.reviewId), synthesisOf(t).sectionId),
  },
  getSectionVersion: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) =>
      getSectionVersion(await accessTo(u, t.reviewId), synthesisOf(t).sectionId, synthesisOf(t).versionId),
  },
  renderSynthesisCitations: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) =>
      renderSynthesisCitations(await accessTo(u, t.reviewId), {
        locale: "zh-CN",
        live: { sectionId: synthesisOf(t).sectionId, citations: [{ itemId: t.itemId, locator: "5" }] },
      }),
  },
  exportSynthesis: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) =>
      exportSynthesis(await accessTo(u, t.reviewId), { format: "md", locale: "zh", headings: EXPORT_HEADINGS }),
  },
  exportSynthesisSection: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) =>
      exportSynthesis(await accessTo(u, t.reviewId), {
        format: "docx",
        sectionId: synthesisOf(t).sectionId,
        locale: "en",
        headings: EXPORT_HEADINGS,
      }),
  },
  searchCitableItems: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => searchCitableItems(await accessTo(u, t.reviewId), "文献"),
  },
  issueSectionTicket: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => issueSectionTicket(await accessTo(u, t.reviewId), synthesisOf(t).sectionId),
  },
  createSection: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) => createSection(await accessTo(u, t.reviewId), { reviewId: t.reviewId, title: "新章节" }),
  },
  updateSection: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) => {
      const { sectionId } = synthesisOf(t);
      const { version } = await db.synthesisSection.findUniqueOrThrow({ where: { id: sectionId } });
      return updateSection(await accessTo(u, t.reviewId), {
        reviewId: t.reviewId,
        sectionId,
        title: `引言 ${version}`,
        status: "DRAFTING",
        ownerId: t.users.OWNER.id,
        version,
      });
    },
  },
  moveSection: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) =>
      moveSection(await accessTo(u, t.reviewId), {
        reviewId: t.reviewId,
        sectionId: synthesisOf(t).sectionId,
        direction: "down",
      }),
  },
  setSectionTrashed: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) => {
      const { trashableId } = synthesisOf(t);
      const { deletedAt } = await db.synthesisSection.findUniqueOrThrow({ where: { id: trashableId } });
      return setSectionTrashed(await accessTo(u, t.reviewId), {
        reviewId: t.reviewId,
        sectionId: trashableId,
        trashed: deletedAt === null,
      });
    },
  },
  setCitationStyle: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) =>
      setCitationStyle(await accessTo(u, t.reviewId), { reviewId: t.reviewId, style: "GBT7714_NUMERIC" }),
  },
  saveSectionVersion: {
    allowed: ["OWNER", "EDITOR"],
    run: async (u, t) =>
      saveSectionVersion(await accessTo(u, t.reviewId), {
        reviewId: t.reviewId,
        sectionId: synthesisOf(t).sectionId,
        name: "定稿",
      }),
  },
  listRounds: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listRounds(await accessTo(u, t.reviewId)),
  },
  getRoundSummary: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    prepare: async (t) => (await roundIn(t, "OPEN")).id,
    run: async (u, t, roundId) => getRoundSummary(await accessTo(u, t.reviewId), roundId),
  },
  listSectionThreads: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listSectionThreads(await accessTo(u, t.reviewId), synthesisOf(t).sectionId),
  },
  openRound: {
    allowed: ["OWNER", "SUPERVISOR"],
    // A section of its own each time: a section has one open round at a time.
    prepare: async (t) =>
      (await db.synthesisSection.create({ data: { reviewId: t.reviewId, title: "轮次", position: 99 } })).id,
    run: async (u, t, sectionId) =>
      openRound(await accessTo(u, t.reviewId), { reviewId: t.reviewId, title: "一轮", sectionIds: [sectionId] }),
  },
  closeRound: {
    allowed: ["OWNER", "SUPERVISOR"],
    prepare: async (t) => (await roundIn(t, "OPEN")).id,
    run: async (u, t, roundId) => closeRound(await accessTo(u, t.reviewId), { reviewId: t.reviewId, roundId }),
  },
  listItemReferences: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listItemReferences(await accessTo(u, t.reviewId), t.itemId),
  },
  listSharedReferences: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    run: async (u, t) => listSharedReferences(await accessTo(u, t.reviewId)),
  },
  addCitedReference: {
    allowed: ["OWNER", "EDITOR"],
    // Each attempt cites a work of its own, so an allowed add is never "already in the review".
    prepare: async (team) => {
      const fullText = `参考文献\n[1]某作者.被引著作${Math.random().toString(36).slice(2)}[J].某期刊,2020,1(1):1-9.`;
      const item = await db.reviewItem.create({
        data: {
          reviewId: team.reviewId,
          stageId: team.stages[0]!.id,
          titleZh: "引用者",
          sourceKind: "MANUAL",
          fullText,
        },
      });
      await db.$transaction((tx) => refreshItemReferences(tx, { id: item.id, reviewId: team.reviewId, fullText }));
      return (await db.itemReference.findFirstOrThrow({ where: { itemId: item.id } })).id;
    },
    run: async (u, t, referenceId) =>
      addCitedReference(await accessTo(u, t.reviewId), { reviewId: t.reviewId, referenceId }),
  },
  exportBackup: { allowed: ["OWNER"], run: async (u, t) => exportBackup(await accessTo(u, t.reviewId)) },
  startThread: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR"],
    run: async (u, t) =>
      startThread(await accessTo(u, t.reviewId), {
        reviewId: t.reviewId,
        sectionId: synthesisOf(t).sectionId,
        body: "批注",
      }),
  },
  replyToThread: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR"],
    prepare: async (t, u) => (await threadIn(t, u)).id,
    run: async (u, t, threadId) =>
      replyToThread(await accessTo(u, t.reviewId), { reviewId: t.reviewId, threadId, body: "回复" }),
  },
  setThreadState: {
    allowed: ["OWNER", "SUPERVISOR"],
    prepare: async (t, u) => (await threadIn(t, u)).id,
    run: async (u, t, threadId) =>
      setThreadState(await accessTo(u, t.reviewId), { reviewId: t.reviewId, threadId, state: "ACCEPTED" }),
  },
  editComment: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR"],
    prepare: async (t, u) => (await threadIn(t, u)).commentId,
    run: async (u, t, commentId) =>
      editComment(await accessTo(u, t.reviewId), { reviewId: t.reviewId, commentId, body: "改过" }),
  },
  deleteComment: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR"],
    prepare: async (t, u) => (await threadIn(t, u)).commentId,
    run: async (u, t, commentId) => deleteComment(await accessTo(u, t.reviewId), { reviewId: t.reviewId, commentId }),
  },
  decideSuggestions: {
    allowed: ["OWNER", "EDITOR"],
    prepare: async (t) =>
      (
        await db.commentThread.create({
          data: {
            reviewId: t.reviewId,
            sectionId: synthesisOf(t).sectionId,
            anchorStart: "{}",
            anchorEnd: "{}",
            quote: "旧",
            suggestion: "新",
            suggestionState: "PENDING",
          },
        })
      ).id,
    run: async (u, t, threadId) =>
      decideSuggestions(await accessTo(u, t.reviewId), {
        reviewId: t.reviewId,
        threadIds: [threadId],
        decision: "APPLIED",
      }),
  },
  exportRoundDocx: {
    allowed: ["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"],
    prepare: async (t) => (await roundIn(t, "OPEN")).id,
    run: async (u, t, roundId) =>
      exportRoundDocx(await accessTo(u, t.reviewId), roundId, { locale: "zh", words: ROUND_WORDS }),
  },
};

const ROUND_WORDS = {
  untitled: "综述",
  bibliography: "参考文献",
  notes: "注释",
  documentTitle: () => "轮次",
  replace: () => "",
  remove: () => "",
  insert: () => "",
  detached: () => "",
  wholeSection: "",
  decided: () => "",
};

/** A round of the review in the given state, made straight in the database for the operation under test. */
async function roundIn(team: typeof a, state: "OPEN" | "CLOSED") {
  const last = await db.commentRound.aggregate({ where: { reviewId: team.reviewId }, _max: { number: true } });
  return db.commentRound.create({
    data: { reviewId: team.reviewId, number: (last._max.number ?? 0) + 1, title: "轮次", state },
  });
}

/** A fresh thread on the review's section whose first comment is by `authorId`. */
async function threadIn(team: typeof a, authorId: string) {
  const thread = await db.commentThread.create({
    data: {
      reviewId: team.reviewId,
      sectionId: synthesisOf(team).sectionId,
      createdById: authorId,
      comments: { create: { authorId, body: "原批注" } },
    },
    select: { id: true, comments: { select: { id: true } } },
  });
  return { id: thread.id, commentId: thread.comments[0]!.id };
}

async function snapshot() {
  const [items, changes, memberships, invitations, events, reviews, sections, versions, comments] = await Promise.all([
    db.reviewItem.findMany({ select: { id: true, stageId: true, version: true }, orderBy: { id: "asc" } }),
    db.statusChange.count(),
    db.membership.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
    db.invitation.count(),
    db.activityEvent.count(),
    db.review.findMany({ select: { id: true, citationStyle: true }, orderBy: { id: "asc" } }),
    db.synthesisSection.findMany({
      select: { id: true, title: true, version: true, position: true, deletedAt: true },
      orderBy: { id: "asc" },
    }),
    db.sectionVersion.count(),
    db.comment.findMany({ select: { id: true, body: true, deletedAt: true }, orderBy: { id: "asc" } }),
  ]);
  return { items, changes, memberships, invitations, events, reviews, sections, versions, comments };
}

describe.each(["OWNER", "EDITOR", "SUPERVISOR", "VIEWER"] as const)("%s of review A", (role) => {
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    const allowed = operation.allowed.includes(role);
    it(`${allowed ? "may" : "may not"} ${name} in review A`, async () => {
      const prepared = (await operation.prepare?.(a, a.users[role].id)) ?? "";
      const before = await snapshot();
      const attempt = operation.run(a.users[role].id, a, prepared);
      if (allowed) {
        await expect(attempt).resolves.not.toThrow();
      } else {
        await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
        expect(await snapshot()).toEqual(before);
      }
    });

    it(`cannot ${name} in review B (reported as not found, nothing changes)`, async () => {
      const prepared = (await operation.prepare?.(b, b.users[role].id)) ?? "";
      const before = await snapshot();
      await expect(operation.run(a.users[role].id, b, prepared)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe("resources addressed across reviews", () => {
  it("an item of review B cannot be read through review A's id", async () => {
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) => getItem(access, b.itemId)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an item of review B cannot be moved through review A's id", async () => {
    const before = await snapshot();
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        changeStage(access, {
          reviewId: a.reviewId,
          itemId: b.itemId,
          stageId: a.stages[2]!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("a stage of review B is refused for an item of review A", async () => {
    const before = await snapshot();
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        changeStage(access, {
          reviewId: a.reviewId,
          itemId: a.itemId,
          stageId: b.stages[2]!.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "STAGE_NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("a member of review B cannot be re-roled or removed through review A", async () => {
    const before = await snapshot();
    const foreign = b.memberships.find((m) => m.role === "EDITOR")!;
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        changeMemberRole(access, {
          reviewId: a.reviewId,
          membershipId: foreign.id,
          role: "OWNER",
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        removeMember(access, { reviewId: a.reviewId, membershipId: foreign.id }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("an invitation of review B cannot be revoked through review A", async () => {
    const invitation = await createInvitation(await accessTo(b.users.OWNER.id, b.reviewId), {
      reviewId: b.reviewId,
      role: "VIEWER",
    });
    await expect(
      accessTo(a.users.OWNER.id, a.reviewId).then((access) =>
        revokeInvitation(access, {
          reviewId: a.reviewId,
          invitationId: invitation.id,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });

  it("a section of review B cannot be read, written, exported or opened through review A's id", async () => {
    const before = await snapshot();
    const owner = a.users.OWNER.id;
    const foreign = synthesisOf(b);
    const own = synthesisOf(a);
    const attempts: [string, () => Promise<unknown>][] = [
      ["getSectionForEditor", async () => getSectionForEditor(await accessTo(owner, a.reviewId), foreign.sectionId)],
      [
        "getSectionVersion",
        async () => getSectionVersion(await accessTo(owner, a.reviewId), foreign.sectionId, foreign.versionId),
      ],
      [
        "getSectionVersion (own section)",
        async () => getSectionVersion(await accessTo(owner, a.reviewId), own.sectionId, foreign.versionId),
      ],
      [
        "updateSection",
        async () =>
          updateSection(await accessTo(owner, a.reviewId), {
            reviewId: a.reviewId,
            sectionId: foreign.sectionId,
            title: "劫持",
            status: "DRAFTING",
            version: 1,
          }),
      ],
      [
        "moveSection",
        async () =>
          moveSection(await accessTo(owner, a.reviewId), {
            reviewId: a.reviewId,
            sectionId: foreign.sectionId,
            direction: "up",
          }),
      ],
      [
        "setSectionTrashed",
        async () =>
          setSectionTrashed(await accessTo(owner, a.reviewId), {
            reviewId: a.reviewId,
            sectionId: foreign.sectionId,
            trashed: true,
          }),
      ],
      [
        "saveSectionVersion",
        async () =>
          saveSectionVersion(await accessTo(owner, a.reviewId), {
            reviewId: a.reviewId,
            sectionId: foreign.sectionId,
            name: "劫持",
          }),
      ],
      ["issueSectionTicket", async () => issueSectionTicket(await accessTo(owner, a.reviewId), foreign.sectionId)],
      [
        "exportSynthesis",
        async () =>
          exportSynthesis(await accessTo(owner, a.reviewId), {
            format: "md",
            sectionId: foreign.sectionId,
            locale: "zh",
            headings: EXPORT_HEADINGS,
          }),
      ],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await listSectionVersions(await accessTo(owner, a.reviewId), foreign.sectionId)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("an item of review B is neither found to cite nor numbered in review A", async () => {
    const found = await searchCitableItems(await accessTo(a.users.OWNER.id, a.reviewId), "b 文献");
    expect(found.map((item) => item.id)).not.toContain(b.itemId);
    const rendered = await renderSynthesisCitations(await accessTo(a.users.OWNER.id, a.reviewId), {
      locale: "zh-CN",
      live: { sectionId: synthesisOf(a).sectionId, citations: [{ itemId: b.itemId, locator: null }] },
    });
    expect(rendered.sections.find((s) => s.id === synthesisOf(a).sectionId)!.labels).toEqual(["[?]"]);
    expect(rendered.bibliography).toEqual([]);
  });

  it("an empty user id is refused, never treated as 'no filter'", async () => {
    await expect(
      accessTo("", a.reviewId).then((access) => listLibraryPage(access, parseLibraryParams({}))),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});
