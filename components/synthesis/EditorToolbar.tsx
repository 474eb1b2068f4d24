"use client";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useI18n } from "@/components/i18n/I18nProvider";

const buttonClass =
  "inline-flex h-8 min-w-8 items-center justify-center rounded px-2 text-sm text-stone-700 hover:bg-stone-100 aria-pressed:bg-teal-100 aria-pressed:text-teal-900 disabled:opacity-40 focus-visible:outline focus-visible:outline-2 focus-visible:outline-teal-700";

export function EditorToolbar({
  editor,
  onLink,
  onNote,
  onCite,
}: {
  editor: Editor;
  onLink: () => void;
  onNote: () => void;
  onCite: () => void;
}) {
  const { t } = useI18n();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      level: ([2, 3, 4] as const).find((level) => current.isActive("heading", { level })) ?? 0,
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      blockquote: current.isActive("blockquote"),
      link: current.isActive("link"),
      canUndo: current.can().undo?.() ?? false,
      canRedo: current.can().redo?.() ?? false,
    }),
  });
  const toggle = (name: string, active: boolean, run: () => void, label: string, glyph: React.ReactNode) => (
    <button
      key={name}
      type="button"
      className={buttonClass}
      aria-pressed={active}
      aria-label={label}
      title={label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {glyph}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div
      role="toolbar"
      aria-label={t("synthesis.toolbar")}
      className="sticky top-0 z-10 flex flex-wrap items-center gap-0.5 border-b border-stone-200 bg-white/95 px-2 py-1 backdrop-blur"
    >
      <select
        aria-label={t("synthesis.blockStyle")}
        value={state.level}
        onChange={(event) => {
          const level = Number(event.target.value);
          if (level === 0) chain().setParagraph().run();
          else
            chain()
              .setHeading({ level: level as 2 | 3 | 4 })
              .run();
        }}
        className="h-8 rounded border border-stone-200 bg-white px-1 text-sm text-stone-700"
      >
        <option value={0}>{t("synthesis.paragraph")}</option>
        <option value={2}>{t("synthesis.heading2")}</option>
        <option value={3}>{t("synthesis.heading3")}</option>
        <option value={4}>{t("synthesis.heading4")}</option>
      </select>
      <span aria-hidden className="mx-1 h-5 w-px bg-stone-200" />
      {toggle("bold", state.bold, () => chain().toggleBold().run(), t("synthesis.bold"), <b>B</b>)}
      {toggle("italic", state.italic, () => chain().toggleItalic().run(), t("synthesis.italic"), <i>I</i>)}
      {toggle(
        "link",
        state.link,
        onLink,
        t("synthesis.link"),
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-.9.9" strokeLinecap="round" />
          <path d="M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l.9-.9" strokeLinecap="round" />
        </svg>,
      )}
      <span aria-hidden className="mx-1 h-5 w-px bg-stone-200" />
      {toggle("bulletList", state.bulletList, () => chain().toggleBulletList().run(), t("synthesis.bulletList"), "•≡")}
      {toggle(
        "orderedList",
        state.orderedList,
        () => chain().toggleOrderedList().run(),
        t("synthesis.orderedList"),
        "1≡",
      )}
      {toggle("blockquote", state.blockquote, () => chain().toggleBlockquote().run(), t("synthesis.blockquote"), "❝")}
      <span aria-hidden className="mx-1 h-5 w-px bg-stone-200" />
      <button type="button" className={`${buttonClass} gap-1 font-medium text-teal-800`} onClick={onCite}>
        @ {t("synthesis.cite")}
      </button>
      <button
        type="button"
        className={buttonClass}
        onClick={onNote}
        aria-label={t("synthesis.note")}
        title={t("synthesis.note")}
      >
        {t("synthesis.noteMarker")}
      </button>
      <span aria-hidden className="mx-1 h-5 w-px bg-stone-200" />
      <button
        type="button"
        className={buttonClass}
        aria-label={t("synthesis.undo")}
        title={t("synthesis.undo")}
        disabled={!state.canUndo}
        onClick={() => chain().undo().run()}
      >
        ↶
      </button>
      <button
        type="button"
        className={buttonClass}
        aria-label={t("synthesis.redo")}
        title={t("synthesis.redo")}
        disabled={!state.canRedo}
        onClick={() => chain().redo().run()}
      >
        ↷
      </button>
    </div>
  );
}
