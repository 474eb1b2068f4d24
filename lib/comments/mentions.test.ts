import { describe, expect, it } from "vitest";
import { mentionedIds, mentionQuery } from "./mentions";

describe("mentionedIds", () => {
  const members = [
    { id: "a", name: "陈同学" },
    { id: "b", name: "陈同学 (Member)" },
    { id: "c", name: "Lin" },
  ];
  it("finds members by the name written after @, longest name first", () => {
    expect(mentionedIds("@陈同学 (Member) 请补充，@Lin 看一下", members)).toEqual(["b", "c"]);
    expect(mentionedIds("请@陈同学补充", members)).toEqual(["a"]);
  });
  it("ignores an @ that names nobody and counts a member once", () => {
    expect(mentionedIds("email@example.org", members)).toEqual([]);
    expect(mentionedIds("@Lin @Lin", members)).toEqual(["c"]);
  });
});

describe("mentionQuery", () => {
  it("finds the @name being typed before the caret", () => {
    expect(mentionQuery("请 @陈", 4)).toEqual({ start: 2, query: "陈" });
    expect(mentionQuery("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQuery("see @Wang", 9)).toEqual({ start: 4, query: "Wang" });
    expect(mentionQuery("需要文献支撑，@陈", 9)).toEqual({ start: 7, query: "陈" });
    expect(mentionQuery("请@王", 3)).toEqual({ start: 1, query: "王" });
  });

  it("ignores e-mail addresses, finished mentions and text after the caret", () => {
    expect(mentionQuery("a@b.com", 7)).toBeNull();
    expect(mentionQuery("@陈同学 好", 6)).toBeNull();
    expect(mentionQuery("@陈 好", 2)).toEqual({ start: 0, query: "陈" });
    expect(mentionQuery("没有提及", 4)).toBeNull();
  });
});
