// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SearchBox } from "@/components/search/SearchBox";
import type { SearchHit, SearchResult } from "@/lib/search/search";
import { renderWithI18n } from "@/lib/testing/render-with-i18n";

function hit(id: string, title: string): SearchHit {
  return {
    kind: "PAPER",
    id,
    href: `/reviews/r1/items/${id}`,
    titleZh: null,
    titleEn: title,
    titleSegments: { zh: [], en: [{ text: title, hit: true }] },
    fragment: [],
    year: 2025,
    stageId: null,
    context: [],
    field: null,
  } as SearchHit;
}

function result(hits: SearchHit[]): SearchResult {
  return {
    query: {} as SearchResult["query"],
    counts: { PAPER: hits.length, PASSAGE: 0, SECTION: 0, COMMENT: 0 },
    approximate: false,
    total: hits.length,
    hits,
    page: 1,
    pageCount: 1,
    corrected: null,
    suggestion: null,
    pendingChanges: 0,
  };
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const answer = (body: SearchResult, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));

describe("the header's search box", () => {
  it("opens with Ctrl+K into a labelled dialog, and Escape closes it and gives focus back", async () => {
    const user = userEvent.setup();
    renderWithI18n(<SearchBox reviewId="r1" />);
    expect(screen.queryByRole("dialog")).toBeNull();
    await user.keyboard("{Control>}k{/Control}");
    const dialog = screen.getByRole("dialog", { name: "Search this review" });
    expect(document.activeElement).toBe(within(dialog).getByRole("searchbox", { name: "Search for" }));
    expect(dialog.textContent).toContain("exact phrase");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /Search this review/ }));
  });

  it("asks the server once the typing pauses and lists the hits; the arrow keys choose one", async () => {
    const user = userEvent.setup();
    fetchMock.mockImplementation(() => answer(result([hit("a", "Grid governance"), hit("b", "Resilience")])));
    renderWithI18n(<SearchBox reviewId="r1" />);
    await user.click(screen.getByRole("button", { name: /Search this review/ }));
    await user.type(screen.getByRole("searchbox"), "grid gov");
    const list = await screen.findByRole("list", { name: "Search results" });
    expect(
      within(list)
        .getAllByRole("link")
        .map((link) => link.getAttribute("href")),
    ).toEqual(["/reviews/r1/items/a", "/reviews/r1/items/b"]);
    // Debounced: one request for the whole phrase, not one per letter.
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]![0])).toBe("/reviews/r1/search/results?q=grid%20gov&limit=8");

    const field = screen.getByRole("searchbox");
    expect(field.getAttribute("aria-activedescendant")).toBeNull();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(field.getAttribute("aria-activedescendant")).toBe("search-live-1");
    await user.keyboard("{ArrowDown}");
    expect(field.getAttribute("aria-activedescendant")).toBe("search-live-1");
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(field.getAttribute("aria-activedescendant")).toBeNull();
    expect(screen.getByText("See all 2 results on the search page").getAttribute("href")).toBe(
      "/reviews/r1/search?q=grid%20gov",
    );
  });

  it("says so when nothing matches, and when the search fails", async () => {
    const user = userEvent.setup();
    vi.spyOn(console, "error").mockImplementation(() => {});
    fetchMock.mockImplementationOnce(() => answer(result([])));
    fetchMock.mockImplementationOnce(() => answer(result([]), 500));
    renderWithI18n(<SearchBox reviewId="r1" />);
    await user.click(screen.getByRole("button", { name: /Search this review/ }));
    await user.type(screen.getByRole("searchbox"), "nothing");
    expect(await screen.findByText("Nothing matches “nothing”.")).toBeTruthy();
    await user.type(screen.getByRole("searchbox"), "x");
    expect(await screen.findByText("Search failed. Please try again.")).toBeTruthy();
  });

  it("keeps Tab inside the dialog while it is open", async () => {
    const user = userEvent.setup();
    renderWithI18n(
      <>
        <SearchBox reviewId="r1" />
        <button type="button">Outside</button>
      </>,
    );
    await user.click(screen.getByRole("button", { name: /Search this review/ }));
    const dialog = screen.getByRole("dialog");
    const field = within(dialog).getByRole("searchbox");
    expect(document.activeElement).toBe(field);
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Close search" }));
    await user.tab();
    expect(document.activeElement).toBe(field);
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it("closes when the backdrop is clicked, not when the dialog is", async () => {
    const user = userEvent.setup();
    renderWithI18n(<SearchBox reviewId="r1" />);
    await user.click(screen.getByRole("button", { name: /Search this review/ }));
    const dialog = screen.getByRole("dialog");
    await user.click(dialog);
    expect(screen.getByRole("dialog")).toBeTruthy();
    await user.click(dialog.parentElement!);
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
