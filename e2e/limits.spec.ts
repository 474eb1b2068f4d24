// Refusals at the edge, each clear and specific: an upload over its limit is cut off while it arrives (413),
// a long-but-allowed text saves while an over-long one is named beside its field with the text kept, a NUL in
// an address is refused (400), and a signed-out inbox post goes to sign-in.
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { createScenario, e2eDatabase } from "./support/scenario";
import { expectSaved, sectionEditor } from "./support/synthesis";
import { createSection } from "@/lib/synthesis/sections";
import { accessTo } from "@/lib/testing/access";

test.use({ storageState: storageStateOf("owner") });

const MB = 1024 * 1024;

/** The owner's session cookie, as a browser would send it. */
function ownerCookie(): string {
  const state = JSON.parse(readFileSync(storageStateOf("owner"), "utf8")) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/**
 * Sends a multipart upload of `totalBytes` in chunks with no Content-Length (chunked transfer encoding) and
 * stops sending as soon as the server answers. Returns the answer and how much had been sent by then.
 */
function chunkedUpload(baseURL: string, path: string, totalBytes: number) {
  return new Promise<{ status: number; body: string; sentWhenAnswered: number }>((resolve, reject) => {
    const url = new URL(path, baseURL);
    const boundary = "----huitong-limit-test";
    const request = httpRequest(url, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "transfer-encoding": "chunked",
        cookie: ownerCookie(),
        origin: url.origin,
      },
    });
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      // The rest of the upload is never sent; the connection goes once the answer is read.
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body, sentWhenAnswered });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.ris"\r\n\r\n`);
    const chunk = Buffer.alloc(256 * 1024, "TY  - JOUR\n");
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!answered) request.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

test("an import sent in chunks over the limit is refused while it arrives, with the limit named", async ({
  baseURL,
}) => {
  const scenario = await createScenario("分块上传");
  // Five times the 20 MB limit is offered; the server answers long before the end.
  const answer = await chunkedUpload(baseURL!, scenario.url("library/import/preview"), 100 * MB);
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({
    code: "BODY_TOO_LARGE",
    error: "上传内容超过上限 20.0 MB，服务器已停止接收。什么也没有更改。",
  });
  expect(answer.sentWhenAnswered).toBeLessThan(60 * MB);
  expect(await e2eDatabase().reviewItem.count({ where: { reviewId: scenario.reviewId } })).toBe(0);
});

test("a backup restore sent in chunks over the limit is refused while it arrives", async ({ baseURL }) => {
  test.setTimeout(120_000);
  // (Nothing restored: the 413 comes before the file is read. Reviews are not counted, as journeys running in
  // parallel create their own.)
  const answer = await chunkedUpload(baseURL!, "/api/reviews/restore", 600 * MB);
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({
    error: "上传内容超过上限 200.0 MB，服务器已停止接收。什么也没有更改。",
  });
  expect(answer.sentWhenAnswered).toBeLessThan(400 * MB);
});

test("a full text of 400,000 Chinese characters saves; one over 2,000,000 is named beside the field and kept", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const scenario = await createScenario("长全文", { items: ["长篇全文的文献"] });
  const itemId = scenario.itemIds[0]!;
  const long = "基层治理的韧性与社区参与。".repeat(400_000 / 12 + 1).slice(0, 400_000);
  expect(Buffer.byteLength(long)).toBeGreaterThan(MB);
  await page.goto(scenario.url(`items/${itemId}/edit`));
  const fullText = page.getByLabel("全文", { exact: true });
  await fullText.fill(long);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "长篇全文的文献" })).toBeVisible();
  await expect
    .poll(async () => (await e2eDatabase().reviewItem.findUniqueOrThrow({ where: { id: itemId } })).fullText?.length)
    .toBe(400_000);

  await page.goto(scenario.url(`items/${itemId}/edit`));
  const tooLong = "字".repeat(2_000_001);
  await fullText.fill(tooLong);
  const message = page.getByText("太长：2,000,001 个字符，上限为 2,000,000 个。您的文字仍在框中，请删减后再保存。");
  await expect(message).toBeVisible();
  await expect(fullText).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "保存修改" }).click();
  // Held back in the browser: still the edit page, the text still in the box, nothing stored.
  await expect(message).toBeVisible();
  expect(await fullText.evaluate((area: HTMLTextAreaElement) => area.value.length)).toBe(2_000_001);
  const stored = await e2eDatabase().reviewItem.findUniqueOrThrow({ where: { id: itemId } });
  expect(stored.fullText?.length).toBe(400_000);
  expect(stored.version).toBe(2);
});

test("a comment at the 10,000-character limit posts; a 2 MB one is named beside the field and kept", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const scenario = await createScenario("长批注");
  const { sectionId } = await createSection(await accessTo(scenario.userIds.owner, scenario.reviewId), {
    reviewId: scenario.reviewId,
    title: "长批注",
  });
  await page.goto(scenario.url(`synthesis/${sectionId}`));
  await expect(sectionEditor(page)).toBeVisible({ timeout: 30_000 });
  await expectSaved(page);
  await page.getByRole("tab", { name: /批注/ }).click();
  const draft = page.getByLabel("新批注");
  const post = page.getByRole("button", { name: "批注整节" });

  const huge = "意见".repeat(350_000); // 700,000 characters, 2.1 MB in UTF-8
  await draft.fill(huge);
  await expect(
    page.getByText("太长：700,000 个字符，上限为 10,000 个。您的文字仍在框中，请删减后再保存。"),
  ).toBeVisible();
  await expect(draft).toHaveAttribute("aria-invalid", "true");
  await expect(post).toBeDisabled();
  expect(await draft.evaluate((area: HTMLTextAreaElement) => area.value.length)).toBe(700_000);

  const atLimit = "批".repeat(10_000);
  await draft.fill(atLimit);
  await expect(page.getByText("10,000 / 10,000 字符")).toBeVisible();
  await post.click();
  await expect(draft).toHaveValue("");
  const thread = await e2eDatabase().commentThread.findFirstOrThrow({
    where: { sectionId },
    include: { comments: true },
  });
  expect(thread.comments[0]?.body.length).toBe(10_000);
});

test("a NUL in an address is refused with 400 and says why, on pages and routes alike", async ({ page }) => {
  const scenario = await createScenario("空字符");
  for (const path of [
    scenario.url("search?q=%00"),
    scenario.url("library?q=a%00b"),
    `/reviews/${scenario.reviewId}%00/library`,
    `/api/reviews/${scenario.reviewId}%00/backup`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toContain("请求地址中含有空字符（%00），无法处理。");
  }
});

test("signed out, the inbox's buttons lead to sign-in instead of an error", async ({ page }) => {
  const scenario = await createScenario("收件箱", { items: ["待读的文献"] });
  const notification = await e2eDatabase().notification.create({
    data: {
      userId: scenario.userIds.owner,
      reviewId: scenario.reviewId,
      kind: "STAGE_CHANGED",
      actorId: scenario.userIds.owner,
      link: scenario.url(`items/${scenario.itemIds[0]}`),
      data: { itemTitle: "待读的文献", to: { zh: "待阅读", en: "To read" } },
    },
  });
  await page.goto("/inbox");
  await expect(page.getByRole("button", { name: "全部标为已读" })).toBeVisible();
  // The session ends in another tab; this page still shows its buttons.
  await page.context().clearCookies();
  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finbox/);
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  const after = await e2eDatabase().notification.findUniqueOrThrow({ where: { id: notification.id } });
  expect(after.readAt).toBeNull();
});
