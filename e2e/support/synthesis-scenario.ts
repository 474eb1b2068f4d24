// A section to write in, with two citable items, and browsers signed in as its members: shared by the
// synthesis journeys and the collaboration-restart journey.
import { expect, type Browser } from "@playwright/test";
import { createSection } from "@/lib/synthesis/sections";
import { storageStateOf } from "../accounts";
import { createScenario, e2eDatabase } from "./scenario";
import { sectionEditor } from "./synthesis";
import { accessTo } from "@/lib/testing/access";

const ZHU = {
  titleZh: "韧性治理:风险与应急管理的新路径",
  journalZh: "行政论坛",
  year: 2020,
  volume: "27",
  issue: "05",
  pages: "81-87",
};

export async function synthesisScenario(label: string) {
  const scenario = await createScenario(label, {
    members: { member: "EDITOR", viewer: "VIEWER", supervisor: "SUPERVISOR" },
    items: [ZHU.titleZh, "城乡融合发展中的基层党组织"],
  });
  const db = e2eDatabase();
  // The papers a synthesis cites were included at screening; citing any other is flagged (screening-text.spec).
  await db.reviewItem.updateMany({ where: { id: { in: scenario.itemIds } }, data: { screeningState: "INCLUDED" } });
  await db.reviewItem.update({
    where: { id: scenario.itemIds[0] },
    data: {
      ...ZHU,
      authors: {
        create: [
          { position: 0, nameZh: "朱正威" },
          { position: 1, nameZh: "刘莹莹" },
        ],
      },
    },
  });
  const { sectionId } = await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "韧性治理",
  });
  return { scenario, sectionId, path: scenario.url(`synthesis/${sectionId}`) };
}

export async function openAs(browser: Browser, role: "owner" | "member" | "viewer", path: string) {
  const context = await browser.newContext({ storageState: storageStateOf(role), locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(path);
  // The editor loads in the browser only (Tiptap, Yjs); a busy two-core runner needs more than the default.
  await expect(sectionEditor(page)).toBeVisible({ timeout: 30_000 });
  return page;
}

export async function storedText(sectionId: string) {
  return (await e2eDatabase().sectionDocument.findUnique({ where: { sectionId } }))?.text ?? null;
}
