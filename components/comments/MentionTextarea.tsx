"use client";
// A comment field that offers the review's members after "@": type a few letters of a name, pick with the
// arrow keys and Enter (or a click), and "@Name " is written in, which is how mentions are recognised.
import { useId, useRef, useState, type TextareaHTMLAttributes } from "react";
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
  const [active, setActive] = useState(0);
  const matches = open
    ? members.filter((member) => member.name.toLowerCase().includes(open.query.toLowerCase())).slice(0, 8)
    : [];
  const showing = open !== null && matches.length > 0;

  const look = (text: string, caret: number) => {
    const found = mentionQuery(text, caret);
    setOpen(found);
    if (found?.query !== open?.query) setActive(0);
  };

  const choose = (member: Mentionable) => {
    if (!open) return;
    const caret = field.current?.selectionStart ?? value.length;
    const after = value.slice(caret);
    // One space after the name, unless the text already goes on with one.
    const gap = /^\s/.test(after) ? "" : " ";
    onValueChange(`${value.slice(0, open.start)}@${member.name}${gap}${after}`);
    setOpen(null);
    const at = open.start + member.name.length + 1 + gap.length;
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(at, at);
    });
  };

  return (
    <div className="relative">
      <textarea
        {...rest}
        ref={field}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={showing ? listId : undefined}
        aria-activedescendant={showing ? `${listId}-${active}` : undefined}
        aria-invalid={over || undefined}
        aria-describedby={showCount ? limitId : undefined}
        onChange={(event) => {
          onValueChange(event.target.value);
          look(event.target.value, event.target.selectionStart);
        }}
        onClick={(event) => look(value, event.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setOpen(null), 150)}
        onKeyDown={(event) => {
          if (showing) {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              const step = event.key === "ArrowDown" ? 1 : matches.length - 1;
              setActive((current) => (current + step) % matches.length);
              return;
            }
            if (event.key === "Enter" || event.key === "Tab") {
              event.preventDefault();
              choose(matches[Math.min(active, matches.length - 1)]!);
              return;
            }
            if (event.key === "Escape") {
              event.preventDefault();
              setOpen(null);
              return;
            }
          }
          onKeyDown?.(event);
        }}
      />
      {showCount && (
        <p id={limitId} className={`mt-1 text-xs ${over ? "text-red-700" : "text-stone-500"}`}>
          {over ? t("limits.tooLong", { count, max }) : t("limits.characters", { count, max })}
        </p>
      )}
      {showing && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("comments.mentionMembers")}
          className="absolute left-0 z-20 mt-1 max-h-48 w-64 overflow-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.map((member, index) => (
            <li
              key={member.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(member);
              }}
              className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-teal-50 text-teal-900" : "text-stone-800"}`}
            >
              @{member.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
