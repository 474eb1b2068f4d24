// @vitest-environment jsdom
import { act, cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { MentionTextarea, withinLimit, type Mentionable } from "@/components/comments/MentionTextarea";
import { renderWithI18n } from "@/lib/testing/render-with-i18n";

const MEMBERS: Mentionable[] = [
  { id: "u1", name: "Chen Li" },
  { id: "u2", name: "Chen Wei" },
  { id: "u3", name: "Wang Fang" },
];

function Field({ maxChars, initial = "" }: { maxChars?: number; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <MentionTextarea
        aria-label="New comment"
        value={value}
        onValueChange={setValue}
        members={MEMBERS}
        maxChars={maxChars}
      />
      <output data-testid="value">{value}</output>
    </>
  );
}

afterEach(cleanup);

describe("the comment field's @-mentions", () => {
  it("offers the members whose names match what follows @, and writes the chosen one in with a space", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Field />);
    const field = screen.getByRole("combobox", { name: "New comment" });
    await user.type(field, "Please check @che");
    const options = screen.getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual(["@Chen Li", "@Chen Wei"]);
    expect(field.getAttribute("aria-expanded")).toBe("true");
    expect(field.getAttribute("aria-activedescendant")).toBe(options[0]!.id);

    await user.keyboard("{ArrowDown}");
    expect(field.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("value").textContent).toBe("Please check @Chen Wei ");
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("wraps the arrow keys, closes on Escape, and lets Enter through when nothing is offered", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Field />);
    const field = screen.getByRole("combobox", { name: "New comment" });
    await user.type(field, "@ch");
    await user.keyboard("{ArrowUp}");
    expect(field.getAttribute("aria-activedescendant")).toBe(screen.getAllByRole("option")[1]!.id);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(field.getAttribute("aria-expanded")).toBe("false");
    await user.keyboard("{Enter}x");
    expect(screen.getByTestId("value").textContent).toBe("@ch\nx");
  });

  it("chooses with Tab or a click, and leaving the field writes nothing in", async () => {
    const user = userEvent.setup();
    renderWithI18n(
      <>
        <Field />
        <button type="button">Elsewhere</button>
      </>,
    );
    const field = screen.getByRole("combobox", { name: "New comment" });
    await user.type(field, "@wa");
    await user.keyboard("{Tab}");
    expect(screen.getByTestId("value").textContent).toBe("@Wang Fang ");
    expect(document.activeElement).toBe(field);
    await user.type(field, "and @chen");
    await user.click(screen.getByRole("option", { name: "@Chen Wei" }));
    expect(screen.getByTestId("value").textContent).toBe("@Wang Fang and @Chen Wei ");
    await user.type(field, "@ch");
    expect(screen.getByRole("listbox", { name: "Members to mention" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Elsewhere" }));
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(screen.getByTestId("value").textContent).toBe("@Wang Fang and @Chen Wei @ch");
  });

  it("leaves the textarea its keys while nothing is offered: Escape keeps the text, ↓ opens no list", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Field />);
    const field = screen.getByRole("combobox", { name: "New comment" });
    await user.type(field, "first line{Enter}second");
    await user.keyboard("{Escape}{ArrowDown}");
    expect(screen.getByTestId("value").textContent).toBe("first line\nsecond");
    expect(field.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("shows nothing for a name no member has", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Field />);
    await user.type(screen.getByRole("combobox", { name: "New comment" }), "@zzz");
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("counts near the limit and marks the field invalid past it, keeping the text", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Field maxChars={10} initial="1234567" />);
    const field = screen.getByRole("combobox", { name: "New comment" });
    // Short text: no count.
    expect(field.getAttribute("aria-describedby")).toBeNull();
    await act(() => user.type(field, "89"));
    const count = () => document.getElementById(field.getAttribute("aria-describedby")!)!.textContent;
    expect(count()).toMatch(/9.*10/);
    expect(field.getAttribute("aria-invalid")).toBeNull();
    await act(() => user.type(field, "012"));
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(count()).toMatch(/12.*10/);
    expect(screen.getByTestId("value").textContent).toBe("123456789012");
    expect(withinLimit("123456789012", 10)).toBe(false);
    expect(withinLimit("  1234567890  ", 10)).toBe(true);
  });
});
