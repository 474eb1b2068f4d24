// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useActionState, useRef, useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AnchoredPopover, CodeSelectionForm, type Anchor } from "@/components/coding/CodeSelectionForm";
import { CodingsAt, type ReaderCoding } from "@/components/coding/CodedText";
import type { ThemeOption } from "@/components/coding/ThemeChecklist";
import type { CreateThemeInReader } from "@/components/coding/ThemePicker";
import type { ActionResult } from "@/lib/errors/action-result";
import { renderWithI18n, stubResizeObserver } from "@/lib/testing/render-with-i18n";

const THEMES: ThemeOption[] = [
  { id: "t1", name: "Resilience", color: "#0f766e", depth: 0 },
  { id: "t2", name: "Grid governance", color: "#b45309", depth: 1 },
  { id: "t3", name: "Party building", color: "#7c3aed", depth: 0 },
];
const SELECTION = { start: 120, end: 132, quote: "grassroots resilience" };

type Sent = Record<string, string | string[]>;

/** The form in its popover, wired to an action that records what it was sent. */
function Harness({
  sent,
  createTheme,
  recent,
}: {
  sent: Sent[];
  createTheme?: CreateThemeInReader;
  recent?: string[];
}) {
  const anchor = useRef<Anchor | null>({ getBoundingClientRect: () => new DOMRect(40, 300, 120, 18) });
  const [open, setOpen] = useState(true);
  const [state, action, pending] = useActionState(async (_: ActionResult | null, form: FormData) => {
    sent.push({
      themeIds: form.getAll("themeIds").map(String),
      memo: String(form.get("memo")),
      start: String(form.get("start")),
      field: String(form.get("field")),
    });
    return { ok: true as const, data: undefined, at: Date.now() };
  }, null);
  return (
    <AnchoredPopover anchor={anchor} open={open} onOpenChange={setOpen} label="Code the selection">
      <CodeSelectionForm
        formAction={action}
        state={state}
        pending={pending}
        reviewId="r1"
        itemId="i1"
        field="FULL_TEXT"
        selection={SELECTION}
        lang="en"
        themes={THEMES}
        recent={recent}
        createTheme={createTheme}
        onCancel={() => setOpen(false)}
      />
    </AnchoredPopover>
  );
}

beforeEach(() => {
  stubResizeObserver();
  window.localStorage.clear();
});
afterEach(cleanup);

describe("coding a selection in its popover", () => {
  it("opens as a labelled dialog beside the selection with the focus in the theme filter", async () => {
    renderWithI18n(<Harness sent={[]} />);
    const popover = await screen.findByRole("dialog", { name: "Code the selection" });
    expect(within(popover).getByRole("blockquote").textContent).toBe(SELECTION.quote);
    await waitFor(() => expect(document.activeElement).toBe(within(popover).getByRole("combobox")));
  });

  it("refuses to save without a theme, then sends the chosen themes and the memo", async () => {
    const user = userEvent.setup();
    const sent: Sent[] = [];
    renderWithI18n(<Harness sent={sent} />);
    const form = await screen.findByRole("form", { name: "Code the selection" });
    await user.click(within(form).getByRole("button", { name: "Save coding" }));
    expect(within(form).getByRole("alert").textContent).toContain("Choose at least one theme.");
    expect(sent).toHaveLength(0);

    await user.click(within(form).getByRole("option", { name: "Grid governance" }));
    expect(within(form).getByRole("option", { name: "Grid governance", selected: true })).toBeTruthy();
    await user.type(within(form).getByLabelText(/Memo/), "key claim");
    await user.click(within(form).getByRole("button", { name: "Save coding" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ themeIds: ["t2"], memo: "key claim", start: "120", field: "FULL_TEXT" });
    // Recent themes are the member's own codings on the server, not this browser's storage.
    expect(window.localStorage.length).toBe(0);
  });

  it("filters as one types, keeps a chosen theme that the filter hides, and Enter picks the only match", async () => {
    const user = userEvent.setup();
    const sent: Sent[] = [];
    renderWithI18n(<Harness sent={sent} />);
    const form = await screen.findByRole("form", { name: "Code the selection" });
    const filter = within(form).getByRole("combobox", { name: "Find or create a theme" });
    await user.type(filter, "PARTY");
    expect(
      within(form)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Party building"]);
    await user.keyboard("{Enter}");
    expect(filter).toHaveProperty("value", "");
    expect(within(form).getByRole("option", { name: "Party building" }).getAttribute("aria-selected")).toBe("true");
    await user.type(filter, "resil");
    await user.click(within(form).getByRole("option", { name: "Resilience" }));
    await user.clear(filter);
    await user.type(filter, "grid");
    expect(within(form).queryByRole("option", { name: "Party building" })).toBeNull();
    await user.click(within(form).getByRole("button", { name: "Save coding" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.themeIds).toEqual(["t3", "t1"]);
  });

  it("is a combobox: ↓/↑ move through the themes, Enter chooses and unchooses, and never submits the form", async () => {
    const user = userEvent.setup();
    const sent: Sent[] = [];
    renderWithI18n(<Harness sent={sent} />);
    const form = await screen.findByRole("form", { name: "Code the selection" });
    const filter = within(form).getByRole("combobox", { name: "Find or create a theme" });
    await waitFor(() => expect(document.activeElement).toBe(filter));
    expect(filter.getAttribute("aria-controls")).toBe(within(form).getByRole("listbox").id);
    // Enter with nothing highlighted does nothing (the coding is not sent half-done).
    await user.keyboard("{Enter}");
    expect(sent).toHaveLength(0);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    const options = within(form).getAllByRole("option");
    expect(filter.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
    await user.keyboard("{Enter}");
    expect(within(form).getByRole("option", { name: "Grid governance" }).getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{ArrowUp}{Enter}");
    expect(within(form).getByRole("option", { name: "Resilience" }).getAttribute("aria-selected")).toBe("true");
    expect(within(form).getByRole("option", { name: "Grid governance" }).getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{Enter}");
    expect(within(form).getByRole("option", { name: "Resilience" }).getAttribute("aria-selected")).toBe("false");
    expect(document.activeElement).toBe(filter);
    await user.click(within(form).getByRole("button", { name: "Save coding" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.themeIds).toEqual(["t2"]);
  });

  it("puts the member's recently used themes (from the server) first, in their own group", async () => {
    renderWithI18n(<Harness sent={[]} recent={["t3", "gone", "t2"]} />);
    const form = await screen.findByRole("form", { name: "Code the selection" });
    const recent = within(form).getByRole("group", { name: "Recently used" });
    expect(
      within(recent)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Party building", "Grid governance"]);
    const rest = within(form).getByRole("group", { name: "All themes" });
    expect(within(rest).getAllByRole("option")).toHaveLength(1);
  });

  it("lists no recent group for a member who has not coded yet", async () => {
    renderWithI18n(<Harness sent={[]} />);
    const form = await screen.findByRole("form", { name: "Code the selection" });
    expect(within(form).queryByRole("group", { name: "Recently used" })).toBeNull();
    expect(within(within(form).getByRole("group", { name: "All themes" })).getAllByRole("option")).toHaveLength(3);
  });

  it("creates a theme that matches nothing typed, and chooses it", async () => {
    const user = userEvent.setup();
    const sent: Sent[] = [];
    const createTheme = vi.fn<CreateThemeInReader>(async () => ({ ok: true, data: { themeId: "new1" }, at: 1 }));
    renderWithI18n(<Harness sent={sent} createTheme={createTheme} />);
    const form = await screen.findByRole("form", { name: "Code the selection" });
    // A theme chosen before the new one is created stays chosen.
    await user.click(within(form).getByRole("option", { name: "Party building" }));
    // An exact name offers no creation.
    await user.type(within(form).getByRole("combobox"), "resilience");
    expect(within(form).queryByRole("option", { name: /Create theme/ })).toBeNull();
    await user.clear(within(form).getByRole("combobox"));
    await user.type(within(form).getByRole("combobox"), "Mobilisation ");
    expect(within(form).getByText("No theme matches.")).toBeTruthy();
    await user.click(within(form).getByRole("option", { name: "Create theme “Mobilisation”" }));
    expect(createTheme).toHaveBeenCalledWith({ reviewId: "r1", name: "Mobilisation", color: "#be123c" });
    await waitFor(() => expect(within(form).getByRole("status").textContent).toContain("Mobilisation"));
    expect(within(form).getByRole("option", { name: "Mobilisation", selected: true })).toBeTruthy();
    await user.click(within(form).getByRole("button", { name: "Save coding" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.themeIds).toEqual(["t3", "new1"]);
  });

  it("shows why a theme could not be created and changes nothing", async () => {
    const user = userEvent.setup();
    const createTheme = vi.fn<CreateThemeInReader>(async () => ({
      ok: false,
      code: "DUPLICATE_NAME",
      error: "A theme with this name already exists.",
      at: 1,
    }));
    renderWithI18n(<Harness sent={[]} createTheme={createTheme} />);
    const form = await screen.findByRole("form", { name: "Code the selection" });
    await user.type(within(form).getByRole("combobox"), "Taken{Enter}");
    await waitFor(() => expect(within(form).getByRole("alert").textContent).toContain("already exists"));
    expect(within(form).queryAllByRole("option", { selected: true })).toHaveLength(0);
  });

  it("closes on Escape", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness sent={[]} />);
    await screen.findByRole("dialog", { name: "Code the selection" });
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});

const CODING: ReaderCoding = {
  id: "c1",
  start: 10,
  end: 20,
  quote: "grassroots resilience",
  memo: "central claim",
  status: "exact",
  createdBy: "Chen Li",
  createdById: "u1",
  createdAt: "2026-03-04T05:06:00.000Z",
  themes: [{ id: "t1", name: "Resilience", color: "#0f766e" }],
};

describe("a highlight's codings", () => {
  function renderCodings(remove = vi.fn(async () => ({ ok: true as const, data: undefined, at: Date.now() }))) {
    const update = vi.fn(async () => ({ ok: true as const, data: undefined, at: Date.now() }));
    renderWithI18n(
      <CodingsAt
        reviewId="r1"
        codings={[CODING]}
        themes={THEMES}
        canCode
        actions={{ update, remove }}
        onClose={() => {}}
      />,
    );
    return { update, remove };
  }

  it("shows who coded the passage, when, and the memo", () => {
    renderCodings();
    const entry = screen.getByRole("listitem");
    expect(entry.textContent).toContain("Chen Li");
    expect(entry.textContent).toContain("2026");
    expect(entry.textContent).toContain("central claim");
    expect(entry.textContent).toContain("Resilience");
  });

  it("edits the memo and themes of a coding", async () => {
    const user = userEvent.setup();
    const { update } = renderCodings();
    await user.click(screen.getByRole("button", { name: /^Edit coding/ }));
    const memo = screen.getByLabelText(/Memo/);
    await user.clear(memo);
    await user.type(memo, "rewritten");
    await user.click(screen.getByRole("option", { name: "Party building" }));
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    const form = (update.mock.calls[0] as unknown[])[1] as FormData;
    expect(form.get("memo")).toBe("rewritten");
    expect(form.getAll("themeIds")).toEqual(["t1", "t3"]);
    expect(form.get("codingId")).toBe("c1");
  });

  it("asks in the app's dialog before deleting, and deletes only on confirmation", async () => {
    const user = userEvent.setup();
    const { remove } = renderCodings();
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await user.click(screen.getByRole("button", { name: /^Delete coding/ }));
    const ask = await screen.findByRole("alertdialog");
    await user.click(within(ask).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(remove).not.toHaveBeenCalled();
    // The focus goes back to the button that asked (the dialog has no Radix Trigger to return to).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Delete coding/ })));

    await user.click(screen.getByRole("button", { name: /^Delete coding/ }));
    await act(async () => {
      await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete" }));
    });
    await waitFor(() => expect(remove).toHaveBeenCalledTimes(1));
    expect(((remove.mock.calls[0] as unknown[])[1] as FormData).get("codingId")).toBe("c1");
    // Only one dialog was ever mounted, and none is left behind.
    expect(screen.queryAllByRole("alertdialog")).toHaveLength(0);
  });
});
