// The same round in English: the supervisor's forged edit is refused; they comment and suggest two edits; the
// member accepts one and rejects the other; a reply to a thread deleted meanwhile is refused; the inbox tells.
import { expect, test, type Request } from "@playwright/test";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { DocNode } from "@/lib/synthesis/document-model";
import { sectionExtensions, SECTION_FRAGMENT } from "@/lib/synthesis/document-schema";
import { storeSectionState } from "@/lib/synthesis/document-store";
import { deleteComment } from "@/lib/comments/threads";
import { createSection } from "@/lib/synthesis/sections";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";
import { expectSaved, sectionEditor, selectInEditor } from "./support/synthesis";
import { accessTo } from "@/lib/testing/access";

test("an English round: suggestions accepted and rejected, a reply to a deleted thread refused", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const scenario = await createScenario("Round", { members: { member: "EDITOR", supervisor: "SUPERVISOR" } });
  const { sectionId } = await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "Introduction",
  });
  e2eDatabase();
  const content: DocNode = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "Party building leads grassroots governance in a very important way." }],
      },
    ],
  };
  const doc = prosemirrorJSONToYDoc(getSchema(sectionExtensions()), content, SECTION_FRAGMENT);
  await storeSectionState({ sectionId, state: Y.encodeStateAsUpdate(doc), content, updatedById: null });

  const supervisorContext = await browser.newContext({ storageState: storageStateOf("supervisor"), locale: "en-US" });
  const supervisor = await supervisorContext.newPage();
  await supervisor.goto(scenario.url("rounds"));
  await supervisor.getByLabel("Title", { exact: true }).fill("Second round");
  await supervisor.getByRole("checkbox", { name: "Introduction" }).check();
  await supervisor.getByRole("button", { name: "Open round" }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: "Round 1 is open." })).toBeVisible();

  await supervisor.goto(scenario.url(`synthesis/${sectionId}`));
  await expect(sectionEditor(supervisor)).toContainText("grassroots governance", { timeout: 30_000 });
  // A forged edit (the read-only editor made writable from the browser console) is refused by the server.
  await sectionEditor(supervisor).evaluate((root) => {
    const { editor } = root as HTMLElement & {
      editor: {
        setEditable(editable: boolean): void;
        commands: { insertContentAt(at: number, text: string): boolean };
      };
    };
    editor.setEditable(true);
    editor.commands.insertContentAt(1, "FORGED ");
  });
  await expect(
    supervisor
      .getByRole("status")
      .filter({ hasText: "Not saved: your role can comment and suggest edits, not change the text" }),
  ).toBeVisible();
  // Nothing of it reached the server: a fresh load shows the text as it was.
  await supervisor.reload();
  await expect(sectionEditor(supervisor)).toContainText("Party building leads", { timeout: 30_000 });
  await expect(sectionEditor(supervisor)).not.toContainText("FORGED");
  await supervisor.getByRole("tab", { name: /Comments/ }).click();
  await selectInEditor(supervisor, "very important");
  await supervisor.getByLabel("Suggested text (leave empty to delete the selection)").fill("decisive");
  await supervisor.getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(supervisor.getByText("Replace “very important” with “decisive”")).toBeVisible();
  await selectInEditor(supervisor, "in a ");
  await supervisor.getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(supervisor.getByText("Delete “in a”")).toBeVisible();
  await selectInEditor(supervisor, "Party building");
  await supervisor.getByLabel("New comment").fill("Define this term.");
  await supervisor.getByRole("button", { name: "Comment on the selection" }).click();
  await expect(supervisor.getByRole("listitem", { name: "Comment on: Party building" })).toBeVisible();

  const memberContext = await browser.newContext({ storageState: storageStateOf("member"), locale: "en-US" });
  const member = await memberContext.newPage();
  // Server actions and refreshes of the member's page still on their way: one arriving after the deletion below
  // would reload the threads without the deleted one, and there would be nothing left to answer.
  const inFlight = new Set<Request>();
  const isPageData = (request: Request) => !!(request.headers()["rsc"] || request.headers()["next-action"]);
  member.on("request", (request) => {
    if (isPageData(request)) inFlight.add(request);
  });
  member.on("requestfinished", (request) => inFlight.delete(request));
  member.on("requestfailed", (request) => inFlight.delete(request));
  await member.goto(scenario.url(`synthesis/${sectionId}`));
  await expectSaved(member);
  await expect(sectionEditor(member)).toContainText("Party building leads");
  await expect(sectionEditor(member)).not.toContainText("FORGED");
  await member.getByRole("tab", { name: /Comments/ }).click();
  await expect(sectionEditor(member).getByRole("insertion")).toHaveText("decisive");
  await member
    .getByRole("listitem", { name: "Comment on: very important" })
    .getByRole("button", { name: "Accept: very important" })
    .click();
  // Wait for the acceptance to land: until then "Reject all" would still count the accepted edit (and its dialog
  // would ask about two), which made this step depend on how fast the server answered.
  await expect(member.getByRole("button", { name: "Accept: very important" })).toHaveCount(0);
  await member.getByRole("button", { name: "Reject all" }).click();
  await member
    .getByRole("alertdialog", { name: "Reject this suggested edit?" })
    .getByRole("button", { name: "Reject" })
    .click();
  await expect(sectionEditor(member)).toContainText("leads grassroots governance in a decisive way.");
  await expect(sectionEditor(member).getByRole("insertion")).toHaveCount(0);
  await expectSaved(member);
  await expect(sectionEditor(supervisor)).toContainText("in a decisive way.");
  const stored = await e2eDatabase().sectionDocument.findUniqueOrThrow({ where: { sectionId } });
  expect(stored.text).toContain("in a decisive way.");
  expect(stored.text).not.toContain("FORGED");

  // The comment is deleted (elsewhere) while the member is answering it: the reply is refused, nothing lands.
  const thread = member.getByRole("listitem", { name: "Comment on: Party building" });
  await expect(thread).toBeVisible();
  await expect.poll(() => inFlight.size).toBe(0);
  const opening = await e2eDatabase().comment.findFirstOrThrow({
    where: { body: "Define this term.", thread: { sectionId } },
  });
  await deleteComment(await accessTo(scenario.userIds.supervisor, scenario.reviewId), {
    reviewId: scenario.reviewId,
    commentId: opening.id,
  });
  await thread.getByLabel("Reply to the comment on: Party building").fill("Defined in the next sentence.");
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(member.getByText("This comment thread was deleted; it cannot be replied to or changed.")).toBeVisible();
  expect(await e2eDatabase().comment.count({ where: { body: "Defined in the next sentence." } })).toBe(0);

  await supervisor.goto("/inbox");
  const decided = supervisor.getByRole("listitem").filter({ hasText: scenario.title });
  await expect(decided.filter({ hasText: "accepted a suggested edit in “Introduction”" })).toContainText(
    "very important → decisive",
  );
  await expect(decided.filter({ hasText: "rejected a suggested edit in “Introduction”" })).toBeVisible();
  await supervisorContext.close();
  await memberContext.close();
});
