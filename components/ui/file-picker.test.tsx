// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FilePicker } from "@/components/ui/FilePicker";
import { renderWithI18n } from "@/lib/testing/render-with-i18n";

afterEach(cleanup);

const docx = (name: string) => new File(["x"], name, { type: "application/octet-stream" });

describe("the file picker", () => {
  it("speaks the page's language, not the browser's: its button and 'no file chosen' are ours", () => {
    renderWithI18n(<FilePicker label="Word 文件（.docx）" />, "zh");
    expect(screen.getByText("选择文件")).toBeTruthy();
    expect(screen.getByText("未选择文件")).toBeTruthy();
    // The input is named by the field's label alone and says what is chosen in its description.
    const input = screen.getByLabelText("Word 文件（.docx）");
    expect(input.getAttribute("type")).toBe("file");
    expect(input.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(input.getAttribute("aria-describedby")!)!.textContent).toBe("未选择文件");
  });

  it("is reached with Tab, and shows the chosen file's name (or how many) after a choice", async () => {
    const user = userEvent.setup();
    const onFiles = vi.fn();
    renderWithI18n(
      <>
        <button type="button">Before</button>
        <FilePicker label="Backup file" multiple onFiles={onFiles} />
      </>,
    );
    await user.click(screen.getByRole("button", { name: "Before" }));
    await user.tab();
    const input = screen.getByLabelText("Backup file");
    expect(document.activeElement).toBe(input);
    expect(screen.getByText("Choose files")).toBeTruthy();
    await user.upload(input as HTMLInputElement, docx("review.docx"));
    expect(screen.getByText("review.docx")).toBeTruthy();
    expect(onFiles).toHaveBeenCalledTimes(1);
    await user.upload(input as HTMLInputElement, [docx("a.docx"), docx("b.docx")]);
    expect(screen.getByText("2 files chosen")).toBeTruthy();
  });

  it("as a link in a drop zone, hands the files over and empties itself so the same file can be chosen again", async () => {
    const user = userEvent.setup();
    const onFiles = vi.fn();
    renderWithI18n(
      <FilePicker
        variant="link"
        label="Choose PDF files to attach"
        buttonLabel="choose files"
        multiple
        clearAfterChoosing
        onFiles={onFiles}
      />,
    );
    const input = screen.getByLabelText("Choose PDF files to attach") as HTMLInputElement;
    await user.upload(input, docx("paper.pdf"));
    await user.upload(input, docx("paper.pdf"));
    expect(onFiles).toHaveBeenCalledTimes(2);
    expect(input.value).toBe("");
    expect(screen.queryByText("No file chosen")).toBeNull();
  });
});
