import { LibraryTable, type LibraryRow } from "@/components/items/LibraryTable";
import { requirePageUser } from "@/lib/auth/session";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { authorList } from "@/lib/items/display";
import { listItems } from "@/lib/items/queries";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";

export default async function LibraryPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/library`);
  const { locale, t } = await getI18n();
  const items = await loadOrNotFound(listItems(user.id, reviewId));
  const rows: LibraryRow[] = items.map((item) => {
    const title = pick(locale, item.titleZh, item.titleEn);
    const otherTitle = locale === "zh" ? item.titleEn : item.titleZh;
    const authors = item.authors.length ? authorList(locale, item.authors) : null;
    const journal = pick(locale, item.journalZh, item.journalEn);
    return {
      id: item.id,
      href: `/reviews/${reviewId}/items/${item.id}`,
      title,
      otherTitle: otherTitle && otherTitle !== title ? otherTitle : null,
      authors,
      journal,
      year: item.year,
      stage: locale === "zh" ? item.stage.nameZh : item.stage.nameEn,
      themes: item.themes.map((theme) => ({
        id: theme.id,
        color: theme.color,
        name: pick(locale, theme.nameZh, theme.nameEn) ?? "",
      })),
      missing: item.missing.map((field) => t(`fields.${field}`)),
      searchText: [
        item.titleZh,
        item.titleEn,
        authorList("zh", item.authors),
        authorList("en", item.authors),
        item.journalZh,
        item.journalEn,
        item.year,
        ...item.keywordsZh,
        ...item.keywordsEn,
      ]
        .filter(Boolean)
        .join(" ")
        .toLowerCase(),
    };
  });
  return (
    <section aria-labelledby="library-heading">
      <h1 id="library-heading" className="sr-only">
        {t("library.title")}
      </h1>
      <LibraryTable rows={rows} />
    </section>
  );
}
