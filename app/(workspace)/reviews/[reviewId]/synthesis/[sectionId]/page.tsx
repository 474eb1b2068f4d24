import Link from "next/link";
import { RestoreSectionButton, SectionDetailsForm } from "@/components/synthesis/SectionForms";
import { SectionWorkspaceLoader } from "@/components/synthesis/SectionWorkspaceLoader";
import { ExportWithWarning } from "@/components/bibliography/ExportWithWarning";
import { buttonSecondary } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/session";
import { getPageAccess } from "@/lib/authz/request-access";
import { listThemePassages } from "@/lib/coding/queries";
import { loadOrNotFound } from "@/lib/errors/page-load";
import { getI18n } from "@/lib/i18n/server";
import { pick } from "@/lib/i18n/translate";
import { citationLabel } from "@/lib/items/display";
import { renderSynthesisCitations } from "@/lib/synthesis/bibliography";
import { collaboratorColor } from "@/lib/synthesis/collaborator-color";
import { getSectionForEditor, listSections, listSectionVersions } from "@/lib/synthesis/queries";
import { can } from "@/lib/authz/policy";
import { answeredChanges, listSectionThreads } from "@/lib/comments/queries";
import { findOpenRound } from "@/lib/rounds/queries";
import { listMembers } from "@/lib/members/queries";
import {
  decideSuggestionsAction,
  deleteCommentAction,
  editSuggestionAction,
  withdrawSuggestionAction,
  editCommentAction,
  replyToThreadAction,
  setThreadStateAction,
  startThreadAction,
  loadVersionAction,
  renderCitationsAction,
  saveSectionVersionAction,
  searchCitableAction,
  trashSectionAction,
  updateSectionAction,
} from "../actions";

export default async function SectionPage({ params }: { params: Promise<{ reviewId: string; sectionId: string }> }) {
  const { reviewId, sectionId } = await params;
  const user = await requirePageUser(`/reviews/${reviewId}/synthesis/${sectionId}`);
  const access = await getPageAccess(user.id, reviewId);
  const { locale, t } = await getI18n();
  const [editor, synthesis, versions, citations, threads, openRound, members] = await Promise.all([
    loadOrNotFound(getSectionForEditor(access, sectionId)),
    loadOrNotFound(listSections(access)),
    loadOrNotFound(listSectionVersions(access, sectionId)),
    loadOrNotFound(renderSynthesisCitations(access, { locale: locale === "en" ? "en-US" : "zh-CN" })),
    loadOrNotFound(listSectionThreads(access, sectionId)),
    loadOrNotFound(findOpenRound(access, sectionId)),
    loadOrNotFound(listMembers(access)),
  ]);
  const answered = await loadOrNotFound(
    answeredChanges(access, sectionId, threads, locale === "en" ? "en-US" : "zh-CN"),
  );
  const { section } = editor;
  const passages = section.themeId ? await loadOrNotFound(listThemePassages(access, section.themeId)) : null;
  const base = `/reviews/${reviewId}/synthesis`;
  const index = editor.siblings.findIndex((sibling) => sibling.id === section.id);
  const previous = index > 0 ? editor.siblings[index - 1] : null;
  const next = index >= 0 && index < editor.siblings.length - 1 ? editor.siblings[index + 1] : null;

  // A one-section export carries only this section's references; warn about those.
  const citedHere = new Set(
    citations.documents.sections
      .find((entry) => entry.id === section.id)
      ?.citations.map((citation) => citation.itemId) ?? [],
  );
  const incompleteHere = citations.bibliography.filter(
    (entry) => entry.missing.length > 0 && citedHere.has(entry.itemId),
  ).length;

  const knownTitles: Record<string, string> = {};
  Object.assign(knownTitles, citations.titles);
  for (const paper of passages?.papers ?? []) {
    knownTitles[paper.item.id] = pick(locale, paper.item.titleZh, paper.item.titleEn) ?? "";
  }

  return (
    <div className="space-y-4">
      <nav
        aria-label={t("synthesis.allSections")}
        className="flex flex-wrap items-center justify-between gap-2 text-sm"
      >
        <Link href={base} className="text-teal-700 hover:underline">
          ← {t("synthesis.allSections")}
        </Link>
        <span className="flex gap-2">
          {previous && (
            <Link
              href={`${base}/${previous.id}`}
              className={buttonSecondary}
              aria-label={`${t("synthesis.previous")}: ${previous.title}`}
            >
              ← {previous.title}
            </Link>
          )}
          {next && (
            <Link
              href={`${base}/${next.id}`}
              className={buttonSecondary}
              aria-label={`${t("synthesis.next")}: ${next.title}`}
            >
              {next.title} →
            </Link>
          )}
        </span>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-stone-900">{section.title}</h1>
          <p className="mt-1 text-sm text-stone-600">
            {t(`synthesis.statuses.${section.status}`)}
            {section.theme ? ` · ${pick(locale, section.theme.nameZh, section.theme.nameEn)}` : ""}
            {section.owner ? ` · ${t("synthesis.owner")}: ${section.owner.name}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ExportWithWarning
            href={`${base}/export?format=docx&section=${section.id}`}
            label={t("synthesis.exportSectionDocx")}
            incomplete={incompleteHere}
            fixHref="#bibliography-heading"
          />
          <ExportWithWarning
            href={`${base}/export?format=md&section=${section.id}`}
            label={t("synthesis.exportSectionMarkdown")}
            incomplete={incompleteHere}
            fixHref="#bibliography-heading"
          />
        </div>
      </header>
      {section.deletedAt ? (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {t("synthesis.trashedNotice")}
          {synthesis.canWrite && (
            <RestoreSectionButton reviewId={reviewId} section={section} action={trashSectionAction} />
          )}
        </div>
      ) : (
        <>
          {!editor.canWrite && (
            <p
              role="status"
              className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700"
            >
              {can(editor.role, "comment.write") ? t("synthesis.commentOnlyNotice") : t("synthesis.readOnlyNotice")}
            </p>
          )}
          <SectionWorkspaceLoader
            key={section.id}
            reviewId={reviewId}
            section={{ id: section.id, title: section.title }}
            canWrite={editor.canWrite}
            user={{ name: user.name, color: collaboratorColor(user.id) }}
            knownTitles={knownTitles}
            initialBibliography={citations.bibliography}
            canEditItems={can(editor.role, "item.update")}
            superscript={citations.superscript}
            passages={
              passages
                ? {
                    theme: {
                      id: passages.theme.id,
                      name: pick(locale, passages.theme.nameZh, passages.theme.nameEn) ?? "",
                      color: passages.theme.color,
                    },
                    papers: passages.papers.map((paper) => ({
                      item: {
                        id: paper.item.id,
                        title: pick(locale, paper.item.titleZh, paper.item.titleEn) ?? t("editing.untitled"),
                        citation: citationLabel(locale, paper.item.authors, paper.item.year),
                      },
                      passages: paper.passages.map((passage) => ({
                        id: passage.id,
                        quote: passage.quote,
                        memo: passage.memo,
                        locator: passage.page?.locator ?? null,
                      })),
                    })),
                  }
                : null
            }
            versions={versions.map((version) => ({
              id: version.id,
              kind: version.kind,
              name: version.name,
              createdAt: version.createdAt.toISOString(),
              by: version.createdBy?.name ?? null,
            }))}
            settings={
              <SectionDetailsForm
                reviewId={reviewId}
                section={section}
                canWrite={editor.canWrite}
                themes={withCurrent(
                  synthesis.themes.map((theme) => ({
                    id: theme.id,
                    label: pick(locale, theme.nameZh, theme.nameEn) ?? "",
                  })),
                  section.theme && {
                    id: section.theme.id,
                    label: pick(locale, section.theme.nameZh, section.theme.nameEn) ?? "",
                  },
                )}
                writers={withCurrent(
                  synthesis.writers.map((writer) => ({ id: writer.id, label: writer.name })),
                  section.owner && { id: section.owner.id, label: section.owner.name },
                )}
                action={updateSectionAction}
              />
            }
            comments={{
              userId: user.id,
              members: members.map((member) => ({ id: member.user.id, name: member.user.name })),
              can: {
                comment: can(editor.role, "comment.write"),
                address: can(editor.role, "synthesis.write"),
                decide: can(editor.role, "round.run"),
              },
              round: openRound,
              threads: threads.map((thread) => ({
                id: thread.id,
                quote: thread.quote,
                state: thread.state,
                author: thread.createdBy,
                createdAt: thread.createdAt.toISOString(),
                authorColor: thread.createdBy ? collaboratorColor(thread.createdBy.id) : "#57534e",
                suggestion:
                  thread.suggestion === null || thread.suggestionState === null
                    ? null
                    : {
                        text: thread.suggestion,
                        state: thread.suggestionState,
                        decidedBy: thread.decidedBy?.name ?? null,
                        decidedAt: thread.decidedAt?.toISOString() ?? null,
                      },
                anchorStart: thread.anchorStart,
                anchorEnd: thread.anchorEnd,
                round: thread.round ? { number: thread.round.number, title: thread.round.title } : null,
                comments: thread.comments.map((comment) => ({
                  id: comment.id,
                  body: comment.body,
                  createdAt: comment.createdAt.toISOString(),
                  edited: comment.editedAt !== null,
                  author: comment.author,
                  change: answered[comment.id] ?? null,
                })),
              })),
            }}
            actions={{
              startThread: startThreadAction,
              decideSuggestions: decideSuggestionsAction,
              replyToThread: replyToThreadAction,
              setThreadState: setThreadStateAction,
              editComment: editCommentAction,
              deleteComment: deleteCommentAction,
              editSuggestion: editSuggestionAction,
              withdrawSuggestion: withdrawSuggestionAction,
              renderCitations: renderCitationsAction,
              searchCitable: searchCitableAction,
              saveVersion: saveSectionVersionAction,
              loadVersion: loadVersionAction,
            }}
          />
        </>
      )}
    </div>
  );
}

/** The section's current theme or owner stays selectable even after it was archived or left the writers. */
function withCurrent(choices: { id: string; label: string }[], current: { id: string; label: string } | null) {
  return current && !choices.some((choice) => choice.id === current.id) ? [current, ...choices] : choices;
}
