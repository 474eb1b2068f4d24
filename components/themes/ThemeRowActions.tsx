"use client";
import { useActionState, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonSecondary, inlineInputClass } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/errors/action-result";
import { useConfirm } from "@/components/ui/use-confirm";

type Action<T = unknown> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** Order, archive and merge for one theme of the codebook. */
export function ThemeRowActions({
  reviewId,
  theme,
  others,
  first,
  last,
  actions,
}: {
  reviewId: string;
  theme: { id: string; name: string };
  others: { id: string; name: string }[];
  first: boolean;
  last: boolean;
  actions: {
    move: Action;
    archive: Action;
    merge: Action<{ movedTags: number; movedCodings: number }>;
  };
}) {
  const { t } = useI18n();
  const { confirmSubmit, dialog } = useConfirm();
  const [moveState, moveAction, movePending] = useActionState(actions.move, null);
  const [archiveState, archiveAction, archivePending] = useActionState(actions.archive, null);
  const [mergeState, mergeAction, mergePending] = useActionState(actions.merge, null);
  const [targetId, setTargetId] = useState("");
  const target = others.find((other) => other.id === targetId);
  const failure = [moveState, archiveState, mergeState].find((state) => state && !state.ok);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={moveAction} className="flex gap-1">
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="themeId" value={theme.id} />
        <button
          type="submit"
          name="direction"
          value="up"
          disabled={first || movePending}
          className={`${buttonSecondary} px-2 py-1`}
          aria-label={t("coding.moveUp", { name: theme.name })}
        >
          ↑
        </button>
        <button
          type="submit"
          name="direction"
          value="down"
          disabled={last || movePending}
          className={`${buttonSecondary} px-2 py-1`}
          aria-label={t("coding.moveDown", { name: theme.name })}
        >
          ↓
        </button>
      </form>
      <form action={archiveAction}>
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="themeId" value={theme.id} />
        <input type="hidden" name="archived" value="true" />
        <button
          type="submit"
          disabled={archivePending}
          className={`${buttonSecondary} px-2 py-1`}
          aria-label={t("coding.archive", { name: theme.name })}
        >
          {t("coding.archiveShort")}
        </button>
      </form>
      <form
        action={mergeAction}
        onSubmit={(event) => {
          if (!target) event.preventDefault();
          else
            confirmSubmit(event, {
              title: t("coding.mergeConfirm", { source: theme.name, target: target.name }),
              confirmLabel: t("coding.merge"),
            });
        }}
        className="flex gap-1"
      >
        {dialog}
        <input type="hidden" name="reviewId" value={reviewId} />
        <input type="hidden" name="sourceId" value={theme.id} />
        <select
          name="targetId"
          required
          value={targetId}
          onChange={(event) => setTargetId(event.target.value)}
          aria-label={t("coding.mergeLabel", { name: theme.name })}
          className={`${inlineInputClass} w-36 py-1`}
        >
          <option value="">{t("coding.mergeInto")}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!targetId || mergePending} className={`${buttonSecondary} px-2 py-1`}>
          {t("coding.merge")}
        </button>
      </form>
      {failure && !failure.ok && <FormMessage error={failure.error} />}
      {mergeState?.ok && (
        <FormMessage
          success={t("coding.merged", { tags: mergeState.data.movedTags, codings: mergeState.data.movedCodings })}
        />
      )}
    </div>
  );
}
