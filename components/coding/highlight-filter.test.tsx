// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { useHighlightFilter, type FilterableCoding } from "@/components/coding/HighlightFilter";
import { renderWithI18n } from "@/lib/testing/render-with-i18n";

const CODINGS: (FilterableCoding & { id: string })[] = [
  { id: "c1", createdBy: "Chen Li", createdById: "u1", themes: [{ id: "t1", name: "Resilience" }] },
  { id: "c2", createdBy: "Wang Fang", createdById: "u2", themes: [{ id: "t2", name: "Grid governance" }] },
  {
    id: "c3",
    createdBy: "Chen Li",
    createdById: "u1",
    themes: [
      { id: "t2", name: "Grid governance" },
      { id: "t1", name: "Resilience" },
    ],
  },
];

/** What a reader (the text view or the PDF page) draws: the codings the shared filter lets through. */
function Reader({ codings }: { codings: typeof CODINGS }) {
  const { visible, bar } = useHighlightFilter(codings);
  return (
    <>
      {bar}
      <ul aria-label="drawn">
        {visible.map((coding) => (
          <li key={coding.id}>{coding.id}</li>
        ))}
      </ul>
    </>
  );
}

const drawn = () =>
  within(screen.getByRole("list", { name: "drawn" }))
    .queryAllByRole("listitem")
    .map((item) => item.textContent);

afterEach(cleanup);

describe("the highlight filter shared by the text view and the PDF page", () => {
  it("narrows to one coder, then to one theme, says how many show, and widens again", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Reader codings={CODINGS} />);
    expect(drawn()).toEqual(["c1", "c2", "c3"]);
    const coder = screen.getByRole("combobox", { name: "Filter by coder" });
    expect(
      within(coder)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["All coders", "Chen Li", "Wang Fang"]);
    await user.selectOptions(coder, "u2");
    expect(drawn()).toEqual(["c2"]);
    await user.selectOptions(coder, "u1");
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by theme" }), "t2");
    expect(drawn()).toEqual(["c3"]);
    expect(screen.getByRole("status").textContent).toBe("Showing 1 of 3 codings with this filter.");
    await user.selectOptions(coder, "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by theme" }), "");
    expect(drawn()).toEqual(["c1", "c2", "c3"]);
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("shows no filter while there is nothing to filter", () => {
    renderWithI18n(<Reader codings={[]} />);
    expect(screen.queryByRole("group", { name: "Filter highlights" })).toBeNull();
  });
});
