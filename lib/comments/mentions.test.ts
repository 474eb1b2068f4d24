import { describe, expect, it } from "vitest";
import { mentionedIds } from "./mentions";

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
