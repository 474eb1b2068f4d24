// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ToastProvider, useToast, useToastOnSuccess } from "@/components/ui/toast";
import { renderWithI18n } from "@/lib/testing/render-with-i18n";

afterEach(cleanup);
beforeAll(() => {
  // jsdom has no pointer capture; Radix's swipe handling asks for it.
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.releasePointerCapture ??= () => {};
});

function Saver() {
  const toast = useToast();
  return (
    <button type="button" onClick={() => toast("Moved “A” to Reading.")}>
      Move
    </button>
  );
}

function FormLike() {
  const [state, setState] = useState<{ ok: boolean } | null>(null);
  const [, rerender] = useState(0);
  useToastOnSuccess(state, "Saved.");
  return (
    <>
      <button type="button" onClick={() => setState({ ok: true })}>
        Save
      </button>
      <button type="button" onClick={() => setState({ ok: false })}>
        Fail
      </button>
      <button type="button" onClick={() => rerender((n) => n + 1)}>
        Rerender
      </button>
    </>
  );
}

const region = () => screen.getByRole("region", { name: /^Notifications/ });

describe("toasts", () => {
  it("say a done action as a status in the notifications region, in the page's language, and can be dismissed", async () => {
    const user = userEvent.setup();
    renderWithI18n(
      <ToastProvider>
        <Saver />
      </ToastProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Move" }));
    const status = within(region()).getByRole("status");
    expect(status.textContent).toBe("Moved “A” to Reading.");
    await user.click(within(region()).getByRole("button", { name: "Dismiss notification" }));
    expect(within(region()).queryByRole("status")).toBeNull();
  });

  it("are named in Chinese on a Chinese page", async () => {
    const user = userEvent.setup();
    renderWithI18n(
      <ToastProvider>
        <Saver />
      </ToastProvider>,
      "zh",
    );
    await user.click(screen.getByRole("button", { name: "Move" }));
    const notifications = screen.getByRole("region", { name: /^通知/ });
    expect(within(notifications).getByRole("button", { name: "关闭通知" })).toBeTruthy();
  });

  it("go away by themselves", async () => {
    const user = userEvent.setup();
    renderWithI18n(
      <ToastProvider duration={300}>
        <Saver />
      </ToastProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Move" }));
    expect(within(region()).getByRole("status")).toBeTruthy();
    await waitFor(() => expect(within(region()).queryByRole("status")).toBeNull(), { timeout: 3000 });
  });

  it("follow a form's successful answers once each, not its refusals or re-renders", async () => {
    const user = userEvent.setup();
    renderWithI18n(
      <ToastProvider>
        <FormLike />
      </ToastProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Fail" }));
    expect(within(region()).queryByRole("status")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Save" }));
    await user.click(screen.getByRole("button", { name: "Rerender" }));
    expect(within(region()).getAllByRole("status")).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(within(region()).getAllByRole("status")).toHaveLength(2);
  });

  it("do nothing outside a provider", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Saver />);
    await user.click(screen.getByRole("button", { name: "Move" }));
    expect(screen.queryByRole("status")).toBeNull();
  });
});
