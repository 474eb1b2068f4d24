import { chromium } from "@playwright/test";
const base = "http://localhost:3000";
const [, , lang = "zh"] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
await context.addCookies([{ name: "huitong-locale", value: lang, url: base }]);
const page = await context.newPage();
await page.goto(`${base}/sign-in`);
await page.getByLabel(/邮箱|Email/).fill("member@huitong.demo");
await page.getByLabel(/密码|Password/).fill("huitong-demo");
await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
await page.goto(base + "/");
const review = page.url().replace(/dashboard.*$/, "");
await page.goto(review + "library");
const href = await page
  .getByRole("link", { name: /党建引领基层韧性治理|Grassroots Resilient|韧性治理的行动逻辑/ })
  .first()
  .getAttribute("href");
await page.goto(base + href);
async function code(from, to, themes) {
  const body = page.getByRole("region", { name: /^(全文|Full text)/ });
  await body.evaluate(
    (root, [f, t]) => {
      const reader = root.querySelector("p[data-start]").parentElement;
      const nodes = [];
      let text = "";
      const w = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        nodes.push([n, text.length]);
        text += n.textContent;
      }
      const s = text.indexOf(f);
      const e = text.indexOf(t, s) + t.length;
      const loc = (o, next) => {
        for (const [n, at] of nodes)
          if (next ? o < at + n.textContent.length : o <= at + n.textContent.length) return [n, o - at];
      };
      const r = document.createRange();
      r.setStart(...loc(s, true));
      r.setEnd(...loc(e, false));
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      reader.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    },
    [from, to],
  );
  await body.getByRole("button", { name: /为所选文字编码 · 全文|Code the selection · Full text/ }).click();
  for (const theme of themes) await body.getByRole("checkbox", { name: theme }).check();
  await body.getByRole("button", { name: /保存编码|Save coding/ }).click();
  await page.waitForTimeout(1500);
}
if (lang === "zh") {
  const text = await page.getByRole("region", { name: "全文" }).innerText();
  const i = text.indexOf("韧性治理");
  await code(text.slice(i, i + 8), text.slice(i, i + 8), ["韧性治理"]);
  await code(text.slice(i + 4, i + 6), text.slice(i + 10, i + 14), ["党建引领"]);
}
await page.screenshot({ path: `/tmp/shots/${lang}-reader.png`, fullPage: false });
await page.getByRole("region", { name: /^(全文|Full text)/ }).screenshot({ path: `/tmp/shots/${lang}-fulltext.png` });
for (const p of ["themes", "matrix", "themes/compare?theme=&a=&b="]) {
  await page.goto(review + p);
  await page.screenshot({ path: `/tmp/shots/${lang}-${p.split("?")[0].replace("/", "-")}.png`, fullPage: true });
}
await page.goto(review + "themes");
await page
  .getByRole("link", { name: /^(韧性治理)$/ })
  .first()
  .click();
await page.screenshot({ path: `/tmp/shots/${lang}-theme.png`, fullPage: true });
await browser.close();
