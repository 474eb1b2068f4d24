// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CommentsPanel, type PanelThread } from "@/components/synthesis/CommentsPanel";
import type { ActionResult } from "@/lib/errors/action-result";
import { renderWithI18n } from "@/lib/testing/render-with-i18n";

const ok = async (): Promise<ActionResult<unknown>> => ({ ok: true, data: undefined, at: Date.now() });
const ME = { id: "u1", name: "Chen Li" };
const OTHER = { id: "u2", name: "Wang Fang" };

function thread(id: string, overrides: Partial<PanelThread> = {}): PanelThread {
  return {
    id,
    quote: `phrase ${id}`,
    state: "OPEN",
    detached: false,
    author: OTHER,
    createdAt: "2026-03-04T05:06:00.000Z",
    suggestion: null,
    round: null,
    comments: [
      {
        id: `${id}-c1`,
        body: `body of ${id}`,
        createdAt: "2026-03-04T05:06:00.000Z",
        edited: false,
        author: OTHER,
        change: null,
      },
    ],
    ...overrides,
  };
}

const suggestion = (id: string, quote: string, text: string): PanelThread =>
  thread(id, {
    quote,
    comments: [],
    suggestion: { text, state: "PENDING", decidedBy: null, decidedAt: null },
  });

function renderPanel(threads: PanelThread[], selection: string | null = null) {
  const handlers = {
    onActivate: vi.fn(),
    onStart: vi.fn(ok),
    onSuggest: vi.fn(ok),
    onDecide: vi.fn(ok),
    onReply: vi.fn(ok),
    onState: vi.fn(ok),
    onEdit: vi.fn(ok),
    onDelete: vi.fn(ok),
    onEditSuggestion: vi.fn(ok),
    onWithdrawSuggestion: vi.fn(ok),
  };
  renderWithI18n(
    <CommentsPanel
      threads={threads}
      members={[ME, OTHER]}
      userId={ME.id}
      can={{ comment: true, address: true, decide: true }}
      selection={selection}
      caret={false}
      round={null}
      activeId={null}
      run={async (work) => (await work()).ok}
      {...handlers}
    />,
  );
  return handlers;
}

afterEach(cleanup);

describe("the comments panel", () => {
  it("comments on the selection or on the whole section, and clears the field after", async () => {
    const user = userEvent.setup();
    const handlers = renderPanel([], "grassroots");
    const field = screen.getByRole("combobox", { name: "New comment" });
    const onPhrase = screen.getByRole("button", { name: "Comment on the selection" });
    expect(onPhrase).toHaveProperty("disabled", true);
    await user.type(field, "Define this term.");
    await user.click(onPhrase);
    await waitFor(() => expect(handlers.onStart).toHaveBeenCalledWith("Define this term.", true));
    await waitFor(() => expect(field).toHaveProperty("value", ""));
    await user.type(field, "General remark");
    await user.click(screen.getByRole("button", { name: "Comment on the section" }));
    await waitFor(() => expect(handlers.onStart).toHaveBeenLastCalledWith("General remark", false));
  });

  it("shows unresolved threads first and resolved ones on request, filtered by author", async () => {
    const user = userEvent.setup();
    renderPanel([thread("a"), thread("b", { state: "ACCEPTED" }), thread("c", { author: ME, comments: [] })]);
    const names = () =>
      screen.queryAllByRole("listitem", { name: /^Comment on:/ }).map((item) => item.getAttribute("aria-label"));
    expect(names()).toEqual(["Comment on: phrase a", "Comment on: phrase c"]);
    await user.selectOptions(screen.getByLabelText("Show"), "resolved");
    expect(names()).toEqual(["Comment on: phrase b"]);
    await user.selectOptions(screen.getByLabelText("Show"), "all");
    await user.selectOptions(screen.getByLabelText("Filter by author"), ME.id);
    expect(names()).toEqual(["Comment on: phrase c"]);
  });

  it("asks before rejecting every pending suggestion, with a reason, in one labelled dialog", async () => {
    const user = userEvent.setup();
    const handlers = renderPanel([suggestion("s1", "very important", "decisive"), suggestion("s2", "in a", "")]);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Reject all" }));
    const dialog = screen.getByRole("alertdialog", { name: "Reject all 2 suggested edits?" });
    expect(screen.getAllByRole("alertdialog")).toHaveLength(1);
    await user.type(within(dialog).getByLabelText("Reason for rejecting (optional)"), "Keep the wording.");
    await user.click(within(dialog).getByRole("button", { name: "Reject" }));
    await waitFor(() => expect(handlers.onDecide).toHaveBeenCalledWith(["s1", "s2"], "REJECTED", "Keep the wording."));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });

  it("accepts one suggestion at once, and asks about rejecting a single one by its own title", async () => {
    const user = userEvent.setup();
    const handlers = renderPanel([suggestion("s1", "very important", "decisive")]);
    await user.click(screen.getByRole("button", { name: "Accept: very important" }));
    expect(handlers.onDecide).toHaveBeenCalledWith(["s1"], "APPLIED");
    await user.click(screen.getByRole("button", { name: "Reject all" }));
    expect(screen.getByRole("alertdialog", { name: "Reject this suggested edit?" })).toBeTruthy();
  });

  it("deletes one's own comment only after confirming in the app's dialog", async () => {
    const user = userEvent.setup();
    const mine = thread("m", { author: ME });
    mine.comments[0]!.author = ME;
    const handlers = renderPanel([mine]);
    await user.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = screen.getByRole("alertdialog", { name: /^Delete this comment\?/ });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(handlers.onDelete).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(handlers.onDelete).toHaveBeenCalledWith("m-c1"));
  });

  it("replies to a thread and can mark it addressed in the same step", async () => {
    const user = userEvent.setup();
    const handlers = renderPanel([thread("a")]);
    const card = screen.getByRole("listitem", { name: "Comment on: phrase a" });
    await user.type(within(card).getByLabelText("Reply to the comment on: phrase a"), "Done, see the new wording.");
    await user.click(within(card).getByRole("button", { name: "Reply and mark addressed" }));
    await waitFor(() => expect(handlers.onReply).toHaveBeenCalledWith("a", "Done, see the new wording.", true));
  });
});
