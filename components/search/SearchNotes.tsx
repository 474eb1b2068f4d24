// What the page says about a search besides its results: how the query was read (split, folded, filtered),
// a correction or a suggestion, and whether the index is still catching up with recent changes.
import type { Translate } from "@/lib/i18n/translate";
import { IndexingNote } from "./IndexingNote";
import type { QueryNote } from "@/lib/search/query";
import { TYPE_NAMES } from "@/lib/search/query";
import type { SearchResult } from "@/lib/search/search";

function noteText(note: QueryNote, t: Translate): string {
  switch (note.type) {
    case "split":
      return t("search.notes.split", { text: note.text, words: note.words.join(" · ") });
    case "ignored":
      return t("search.notes.ignored", { text: note.text, chars: note.chars.join("、") });
    case "folded":
      return t("search.notes.folded", { from: note.from, to: note.to });
    case "filter":
      return t("search.notes.filter", { field: t(`search.fieldNames.${note.field}`), value: note.value });
    case "badFilter": {
      const text = t("search.notes.badFilter", { field: t(`search.fieldNames.${note.field}`), value: note.value });
      if (note.field !== "type") return text;
      return `${text}. ${t("search.notes.badType", { types: Object.keys(TYPE_NAMES).join(", ") })}`;
    }
    case "tooManyTerms":
      return t("search.notes.tooManyTerms", { kept: note.kept });
  }
}

export function SearchNotes({
  result,
  t,
  searchHref,
}: {
  result: Pick<SearchResult, "query" | "corrected" | "suggestion" | "pendingChanges">;
  t: Translate;
  /** The link that searches for another query, keeping the filters. */
  searchHref: (q: string) => string;
}) {
  const notes = result.query.notes;
  return (
    <>
      {result.pendingChanges > 0 && (
        <IndexingNote text={t("search.pending", { n: result.pendingChanges.toLocaleString("en-US") })} />
      )}
      {result.corrected && (
        <p className="text-sm text-stone-700" role="note">
          {t("search.corrected", {
            from: result.corrected.words.map((w) => w.from).join(" "),
            to: result.corrected.words.map((w) => w.to).join(" "),
          })}
        </p>
      )}
      {result.suggestion && (
        <p className="text-sm text-stone-700">
          {t("search.didYouMean")}{" "}
          <a className="font-medium text-teal-700 underline" href={searchHref(result.suggestion.q)}>
            {result.suggestion.q}
          </a>
        </p>
      )}
      {notes.length > 0 && (
        <ul
          role="note"
          aria-label={t("search.interpretation")}
          className="space-y-0.5 rounded border border-stone-200 bg-stone-50 px-3 py-2 text-xs text-stone-600"
        >
          {notes.map((note, i) => (
            <li key={i}>{noteText(note, t)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

const HELP_ROWS = [
  "words",
  "phrase",
  "exclude",
  "variants",
  "author",
  "journal",
  "year",
  "type",
  "theme",
  "ids",
] as const;

/** The search syntax, field filters included. */
export function SearchHelp({ t }: { t: Translate }) {
  return (
    <details className="text-xs text-stone-600">
      <summary className="cursor-pointer text-teal-700 hover:underline">{t("search.helpTitle")}</summary>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {HELP_ROWS.map((row) => (
          <li key={row}>{t(`search.helpRows.${row}`)}</li>
        ))}
      </ul>
    </details>
  );
}
