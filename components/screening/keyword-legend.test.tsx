// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { KeywordLegend } from "@/components/screening/KeywordLegend";
import { renderWithI18n } from "@/lib/testing/render-with-i18n";

function Legend() {
  const [shown, setShown] = useState(true);
  return (
    <>
      <KeywordLegend terms={["韧性", "治理"]} counts={new Map([["韧性", 3]])} shown={shown} onShownChange={setShown} />
      <p>{shown ? "marked" : "plain"}</p>
    </>
  );
}

afterEach(cleanup);

describe("the highlight words' legend", () => {
  it("counts each word and switches the marks off and on", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Legend />);
    const counts = screen.getByRole("list", { name: "Highlight words found" });
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["韧性 ×3", "治理 ×0"]);
    const toggle = screen.getByRole("button", { name: "Mark highlight words" });
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    await user.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByText("plain")).toBeTruthy();
    await user.click(toggle);
    expect(screen.getByText("marked")).toBeTruthy();
  });

  it("is absent when the review has no highlight words", () => {
    renderWithI18n(<KeywordLegend terms={[]} counts={new Map()} shown onShownChange={() => {}} />);
    expect(screen.queryByRole("button")).toBeNull();
  });
});
