"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, inlineInputClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import type { ThemeOption } from "./ThemeChecklist";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** The item's theme tags, each removable, and a picker to add one. */
export function ItemThemes({
  reviewId,
  itemId,
  tagged,
  themes,
  canTag,
  action,
}: {
  reviewId: string;
  itemId: string;
  tagged: { id: string; name: string; color: string }[];
  themes: ThemeOption[];
  canTag: boolean;
  action: Action;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const available = themes.filter((theme) => !tagged.some((tag) => tag.id === theme.id));
  return (
    <div className="space-y-2">
      {tagged.length === 0 ? (
        <p className="text-sm text-stone-500">{t("item.noThemes")}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5">
          {tagged.map((theme) => (
            <li
              key={theme.id}
              className="inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs text-white"
              style={{ backgroundColor: theme.color }}
            >
              {theme.name}
              {canTag && (
                <form action={formAction} className="inline">
                  <input type="hidden" name="reviewId" value={reviewId} />
                  <input type="hidden" name="itemId" value={itemId} />
                  <input type="hidden" name="themeId" value={theme.id} />
                  <button
                    type="submit"
                    name="mode"
                    value="remove"
                    disabled={pending}
                    aria-label={t("coding.removeTheme", { name: theme.name })}
                    className="ml-0.5 rounded px-0.5 leading-none hover:bg-black/20"
                  >
                    ×
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {canTag && available.length > 0 && (
        <form action={formAction} className="flex gap-2">
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="itemId" value={itemId} />
          <select
            name="themeId"
            required
            defaultValue=""
            aria-label={t("coding.addThemeTo")}
            className={`${inlineInputClass} flex-1 py-1.5`}
          >
            <option value="" disabled>
              {t("coding.addTheme")}
            </option>
            {available.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {"\u3000".repeat(theme.depth)}
                {theme.name}
              </option>
            ))}
          </select>
          <button type="submit" name="mode" value="add" className={buttonSecondary} disabled={pending}>
            {t("coding.tag")}
          </button>
        </form>
      )}
      {state && !state.ok && <FormMessage error={state.error} />}
    </div>
  );
}
