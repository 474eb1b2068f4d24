// Check-then-write commands under real concurrency: the competing calls are fired at the same moment
// (Promise.all on a pooled client, so each runs in its own PostgreSQL transaction), several times over, and
// exactly one outcome must win each time.
import { beforeAll, describe, expect, it } from "vitest";
import { decideSuggestions } from "@/lib/comments/threads";
import type { Database } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { castVote } from "@/lib/screening/commands";
import { createSection, updateSection } from "@/lib/synthesis/sections";
import { createReviewWithTeam } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import type { ReviewAccess } from "@/lib/authz/authorize";
import { accessTo } from "@/lib/testing/access";

const ROUNDS = 8;

let db: Database;
let team: Awaited<ReturnType<typeof createReviewWithTeam>>;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  team = await createReviewWithTeam(db, "races");
});

const owner = () => team.users.OWNER.id;
const editor = () => team.users.EDITOR.id;

/** Which calls succeeded and the codes of those refused; anything but a domain refusal fails the test. */
async function race<T>(calls: (() => Promise<T>)[]): Promise<{ won: T[]; refused: string[] }> {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const won: T[] = [];
  const refused: string[] = [];
  for (const result of settled) {
    if (result.status === "fulfilled") won.push(result.value);
    else if (isAppError(result.reason)) refused.push(result.reason.code);
    else throw result.reason;
  }
  return { won, refused };
}

describe("concurrent writes against PostgreSQL", () => {
  it("two editors deciding the same suggestion at once: one applies it, the other is told it is decided", async () => {
    const { sectionId } = await createSection(await accessTo(owner(), team.reviewId), {
      reviewId: team.reviewId,
      title: "建议竞争",
    });
    for (let round = 0; round < ROUNDS; round++) {
      const thread = await db.commentThread.create({
        data: {
          reviewId: team.reviewId,
          sectionId,
          anchorStart: "{}",
          anchorEnd: "{}",
          quote: "旧",
          suggestion: `新${round}`,
          suggestionState: "PENDING",
        },
      });
      const decide = (userId: string) => async () =>
        decideSuggestions(await accessTo(userId, team.reviewId), {
          reviewId: team.reviewId,
          threadIds: [thread.id],
          decision: "APPLIED",
        });
      const { won, refused } = await race([decide(owner()), decide(editor())]);
      expect(won, `round ${round}`).toEqual([{ decided: [thread.id] }]);
      expect(refused).toEqual(["THREAD_STATE"]);
      expect(
        await db.activityEvent.count({
          where: { kind: "suggestion.applied", data: { path: ["threadId"], equals: thread.id } },
        }),
      ).toBe(1);
    }
  });

  it("the last two screening votes arriving together settle the item", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const item = await db.reviewItem.create({
        data: {
          reviewId: team.reviewId,
          stageId: team.stages[0]!.id,
          titleZh: `同时投票 ${round}`,
          sourceKind: "MANUAL",
        },
      });
      // Accesses resolved first, so the two votes themselves are what is fired at once.
      const [ownerAccess, editorAccess] = await Promise.all([
        accessTo(owner(), team.reviewId),
        accessTo(editor(), team.reviewId),
      ]);
      const vote = (access: ReviewAccess) => () =>
        castVote(access, { reviewId: team.reviewId, itemId: item.id, choice: "INCLUDE" });
      const { won, refused } = await race([vote(ownerAccess), vote(editorAccess)]);
      expect(refused).toEqual([]);
      expect(won).toHaveLength(2);
      const stored = await db.reviewItem.findUniqueOrThrow({
        where: { id: item.id },
        include: { screeningDecision: true },
      });
      expect(stored.screeningState, `round ${round}`).toBe("INCLUDED");
      expect(stored.screeningDecision?.choice).toBe("INCLUDE");
    }
  });

  it("two saves of a section's details from the same version: one is stored, the other is a conflict", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { sectionId } = await createSection(await accessTo(owner(), team.reviewId), {
        reviewId: team.reviewId,
        title: `细节 ${round}`,
      });
      const save = (userId: string, title: string) => async () =>
        updateSection(await accessTo(userId, team.reviewId), {
          reviewId: team.reviewId,
          sectionId,
          title,
          status: "DRAFTING",
          themeId: null,
          ownerId: owner(),
          version: 1,
        });
      const { won, refused } = await race([save(owner(), "甲的标题"), save(editor(), "乙的标题")]);
      expect(won, `round ${round}`).toEqual([{ version: 2 }]);
      expect(refused).toEqual(["EDIT_CONFLICT"]);
      const stored = await db.synthesisSection.findUniqueOrThrow({ where: { id: sectionId } });
      expect(stored.version).toBe(2);
    }
  });
});
