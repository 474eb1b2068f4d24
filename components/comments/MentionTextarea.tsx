"use client";
// A comment field that offers the review's members after "@": type a few letters of a name, pick with the
// arrow keys and Enter or Tab (or a click), and "@Name " is written in, which is how mentions are recognised.
// The field is a Downshift combobox on a textarea: while no list is offered every key is the textarea's own.
import { useCombobox } from "downshift";
import { useId, useLayoutEffect, useRef, useState, type TextareaHTMLAttributes } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { COMMENT_MAX_CHARS } from "@/lib/comments/limits";
import { mentionQuery } from "@/lib/comments/mentions";

export interface Mentionable {
  id: string;
  name: string;
}

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange" | "maxLength"> {
  value: string;
  onValueChange: (value: string) => void;
  members: Mentionable[];
  /** Past this many characters the field says so beside itself; the text is kept (no cutting on paste). */
  maxChars?: number;
}

/** Whether a comment field's text fits its limit: forms hold back their submit button while it does not. */
export function withinLimit(value: string, maxChars = COMMENT_MAX_CHARS): boolean {
  return value.trim().length <= maxChars;
}

export function MentionTextarea({
  value,
  onValueChange,
  members,
  onKeyDown,
  maxChars = COMMENT_MAX_CHARS,
  ...rest
}: Props) {
  const { t, locale } = useI18n();
  const listId = useId();
  const limitId = useId();
  const over = !withinLimit(value, maxChars);
  // The count appears once the text nears the limit, so short comments stay uncluttered.
  const showCount = value.length > maxChars * 0.8;
  const numberFormat = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en");
  const count = numberFormat.format(value.trim().length);
  const max = numberFormat.format(maxChars);
  const field = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState<{ start: number; query: string } | null>(null);
  const matches = open
    ? members.filter((member) => member.name.toLowerCase().includes(open.query.toLowerCase())).slice(0, 8)
    : [];
  const showing = open !== null && matches.length > 0;

  const look = (text: string, caret: number) => setOpen(mentionQuery(text, caret));

  // After a choice the caret goes behind the name as soon as the new text is rendered, before the next key
  // arrives: set a frame later, it could land after a fast typist's next letter and move it.
  const caretAfterChoice = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterChoice.current;
    if (at === null || !field.current) return;
    caretAfterChoice.current = null;
    field.current.focus();
    field.current.setSelectionRange(at, at);
  }, [value]);

  const choose = (member: Mentionable) => {
    if (!open) return;
    const caret = field.current?.selectionStart ?? value.length;
    const after = value.slice(caret);
    // One space after the name, unless the text already goes on with one.
    const gap = /^\s/.test(after) ? "" : " ";
    onValueChange(`${value.slice(0, open.start)}@${member.name}${gap}${after}`);
    setOpen(null);
    caretAfterChoice.current = open.start + member.name.length + 1 + gap.length;
  };

  const { getInputProps, getMenuProps, getItemProps, highlightedIndex } = useCombobox<Mentionable>({
    id: listId,
    items: matches,
    isOpen: showing,
    inputValue: value,
    selectedItem: null,
    defaultHighlightedIndex: 0,
    itemToString: (member) => member?.name ?? "",
    itemToKey: (member) => member?.id ?? null,
    onIsOpenChange: ({ isOpen }) => {
      if (!isOpen) setOpen(null);
    },
    stateReducer: (state, { type, changes }) => {
      switch (type) {
        case useCombobox.stateChangeTypes.InputBlur:
          // Leaving the field closes the list without writing a name in.
          return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
        default:
          return changes;
      }
    },
  });

  // Downshift types its field as an <input>; the same props serve a <textarea>. It merges our ref with its own
  // and reads neither during render.
  // eslint-disable-next-line react-hooks/refs
  const fieldProps = getInputProps({
    ref: field,
    onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => {
      onValueChange(event.target.value);
      look(event.target.value, event.target.selectionStart);
    },
    onClick: (event: React.MouseEvent<HTMLTextAreaElement>) => look(value, event.currentTarget.selectionStart),
    onKeyDown: (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
      const native = event.nativeEvent as KeyboardEvent & { preventDownshiftDefault?: boolean };
      // Without a list, and for the keys that move the caret, the textarea keeps its keys (Downshift would
      // open the list on ↓ and empty the field on Escape).
      if (!showing || ["Home", "End", "PageUp", "PageDown"].includes(event.key)) {
        native.preventDownshiftDefault = true;
        onKeyDown?.(event);
        return;
      }
      // Enter and Tab write the highlighted name in here, with this render's text in hand.
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        native.preventDownshiftDefault = true;
        choose(matches[Math.max(0, Math.min(highlightedIndex, matches.length - 1))]!);
      }
    },
  } as unknown as Parameters<typeof getInputProps>[0]) as unknown as TextareaHTMLAttributes<HTMLTextAreaElement> & {
    ref: React.Ref<HTMLTextAreaElement>;
  };

  return (
    <div className="relative">
      <textarea
        {...fieldProps}
        // The caller's attributes (its name, rows, placeholder…) win over Downshift's, whose label element does
        // not exist here.
        aria-labelledby={undefined}
        {...rest}
        aria-autocomplete="list"
        aria-invalid={over || undefined}
        aria-describedby={showCount ? limitId : undefined}
      />
      {showCount && (
        <p id={limitId} className={`mt-1 text-xs ${over ? "text-red-700" : "text-stone-500"}`}>
          {over ? t("limits.tooLong", { count, max }) : t("limits.characters", { count, max })}
        </p>
      )}
      <ul
        {...getMenuProps({ "aria-label": t("comments.mentionMembers"), "aria-labelledby": undefined })}
        hidden={!showing}
        className="absolute left-0 z-20 mt-1 max-h-48 w-64 overflow-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg"
      >
        {showing &&
          // The click handlers focus the field through its ref when clicked, not during render.
          // eslint-disable-next-line react-hooks/refs
          matches.map((member, index) => (
            <li
              key={member.id}
              {...getItemProps({
                item: member,
                index,
                onClick: (event: React.MouseEvent) => {
                  (event.nativeEvent as MouseEvent & { preventDownshiftDefault?: boolean }).preventDownshiftDefault =
                    true;
                  choose(member);
                },
              })}
              className={`cursor-pointer px-3 py-1.5 ${index === highlightedIndex ? "bg-teal-50 text-teal-900" : "text-stone-800"}`}
            >
              @{member.name}
            </li>
          ))}
      </ul>
    </div>
  );
}
