"use client";
// Named versions of the section: save one, and restore one as a normal local change that collaborators see
// at once and Undo takes back (after keeping the current text as a version of its own).
import type { Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/I18nProvider";
import { formatDateTime } from "@/lib/i18n/format-time";
import type { SectionActions } from "../SectionWorkspace";
import type { SyncState } from "./use-collaboration";

export function useVersions(options: {
  editor: Editor | null;
  reviewId: string;
  sectionId: string;
  sync: SyncState;
  actions: SectionActions;
  setNotice: (notice: { error?: string; success?: string; undo?: boolean } | null) => void;
}) {
  const { editor, reviewId, sectionId, sync, actions, setNotice } = options;
  const { t, locale } = useI18n();
  const router = useRouter();

  const saveVersion = async (name: string, kind: "NAMED" | "BEFORE_RESTORE") => {
    const form = new FormData();
    form.set("reviewId", reviewId);
    form.set("sectionId", sectionId);
    form.set("name", name);
    form.set("kind", kind);
    const result = await actions.saveVersion(null, form);
    if (!result.ok) setNotice({ error: result.error });
    else router.refresh();
    return result.ok;
  };

  /** Restores a version the writer has already confirmed. */
  const restoreVersion = async (versionId: string) => {
    if (!editor) return;
    if (sync.kind !== "saved") {
      setNotice({ error: t("synthesis.waitForSave") });
      return;
    }
    const loaded = await actions.loadVersion({ reviewId, sectionId, versionId });
    if (!loaded.ok) {
      setNotice({ error: loaded.error });
      return;
    }
    const saved = await saveVersion(
      t("synthesis.beforeRestoreName", { time: formatDateTime(locale, new Date()) }),
      "BEFORE_RESTORE",
    );
    if (!saved) return;
    // A normal, local change: collaborators see it at once and Undo takes it back.
    editor.chain().focus().setContent(loaded.data.content).run();
    setNotice({ success: t("synthesis.restored"), undo: true });
  };

  return { saveVersion, restoreVersion };
}
