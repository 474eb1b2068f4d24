"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/I18nProvider";
import { FilePicker } from "@/components/ui/FilePicker";
import { FormMessage } from "@/components/ui/FormMessage";
import { buttonPrimary } from "@/components/ui/styles";

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
        <FilePicker
          id={fileId}
          label={t("backup.file")}
          accept="application/zip,.zip,application/json,.json"
          onFiles={(files) => {
            setFile(files[0] ?? null);
            setError(null);
          }}
        />
      </div>
      <FormMessage error={error} />
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {pending ? t("backup.restoring") : t("backup.restore")}
      </button>
    </form>
  );
}
