import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signUpSchema } from "@/lib/auth/accounts";
import { AppError } from "@/lib/errors/app-error";
import { createReviewSchema } from "@/lib/reviews/commands";
import { issueFields, localizedFields, parseInput } from "./validation";

function refusal(schema: z.ZodType, raw: unknown): AppError {
  try {
    parseInput(schema, raw);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the input was accepted");
}

describe("validation messages in the reader's language", () => {
  const badSignUp = { name: "", email: "not-an-address", password: "short" };

  it("words sign-up errors in Chinese for a Chinese reader", () => {
    const error = refusal(signUpSchema, badSignUp);
    expect(error.code).toBe("INVALID_INPUT");
    expect(localizedFields(error, "zh")).toEqual({
      name: ["此项必填。"],
      email: ["请输入有效的邮箱地址，例如 name@example.com。"],
      password: ["至少需要 8 个字符。"],
    });
  });

  it("words the same errors in English for an English reader, with the right plural", () => {
    const error = refusal(signUpSchema, badSignUp);
    expect(localizedFields(error, "en")).toEqual({
      name: ["Required."],
      email: ["Enter a valid e-mail address, e.g. name@example.com."],
      password: ["At least 8 characters."],
    });
    expect(error.fields).toEqual(localizedFields(error, "en"));
  });

  it("answers each request in its own language: wording is per call, never a global switch", () => {
    const error = refusal(signUpSchema, badSignUp);
    const zh = localizedFields(error, "zh");
    const en = localizedFields(error, "en");
    expect(localizedFields(error, "zh")).toEqual(zh);
    expect(zh?.password).not.toEqual(en?.password);
    // zod's own default stays English for code that does not go through parseInput.
    expect(z.string().min(8).safeParse("x").error?.issues[0]?.message).toMatch(/Too small/);
  });

  it("translates a schema's own message named by a catalogue key", () => {
    const error = refusal(createReviewSchema, { titleZh: "", titleEn: "" });
    expect(localizedFields(error, "zh")).toEqual({ titleZh: ["请至少填写一种语言的标题。"] });
    expect(localizedFields(error, "en")).toEqual({ titleZh: ["Enter a title in at least one language."] });
  });

  it("words missing, too long, non-numeric and out-of-list input", () => {
    const schema = z.object({
      title: z.string().max(5),
      year: z.coerce.number().int().min(1000),
      count: z.number().int(),
      kind: z.enum(["a", "b"]),
      tags: z.array(z.string()).min(2),
      missing: z.string(),
    });
    const error = refusal(schema, { title: "abcdefg", year: "abc", count: 1.5, kind: "c", tags: ["x"] });
    expect(issueFields(error.issues ?? [], "zh")).toEqual({
      title: ["不能超过 5 个字符（现有 7 个）。"],
      year: ["请输入数字。"],
      count: ["请输入整数。"],
      kind: ["请从给出的选项中选择一项。"],
      tags: ["至少需要 2 项。"],
      missing: ["此项必填。"],
    });
    expect(issueFields(error.issues ?? [], "en").title).toEqual(["At most 5 characters (7 now)."]);
  });

  it("falls back to zod's own locale for rarer problems", () => {
    const error = refusal(z.object({ code: z.string().startsWith("HT-") }), { code: "X" });
    expect(localizedFields(error, "zh")?.code?.[0]).toBe("格式不正确。");
    const other = refusal(z.object({ n: z.number().multipleOf(5) }), { n: 7 });
    expect(localizedFields(other, "zh")?.n?.[0]).toContain("5 的倍数");
  });

  it("translates hand-written field messages that name a catalogue key", () => {
    const error = new AppError("INVALID_INPUT", "no file", { file: ["validation.custom.chooseWordFile"] });
    expect(localizedFields(error, "zh")).toEqual({ file: ["请选择 Word 文件。"] });
  });
});
