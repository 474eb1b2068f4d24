"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary, labelClass } from "@/components/ui/styles";

/** Uploads a backup file; a restored review opens at once, a refused file says what is wrong with it. */
export function RestoreBackupForm() {
  const { t } = useI18n();
  const router = useRouter();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setError(t("backup.noFile"));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/reviews/restore", { method: "POST", body });
      const result = (await response.json().catch(() => ({}))) as { reviewId?: string; error?: string };
      if (response.ok && result.reviewId) {
        router.push(`/reviews/${result.reviewId}/dashboard`);
        return;
      }
      setError(result.error ?? t("errors.unexpected"));
    } catch {
      setError(t("errors.unexpected"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <div>
        <label htmlFor={fileId} className={labelClass}>
          {t("backup.file")}
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/zip,.zip,application/json,.json"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setError(null);
          }}
          className="mt-1 block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-stone-800 hover:file:bg-stone-50"
        />
      </div>
      <FormMessage error={error} />
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {pending ? t("backup.restoring") : t("backup.restore")}
      </button>
    </form>
  );
}
