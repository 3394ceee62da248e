"use client";
// Attach a notebook (or another file) to a handoff. Files over the cap are refused here, before
// any upload; a notebook that does not parse comes back with the parser's message (line and
// column for broken JSON) and nothing is stored.
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { IconPaperclip } from "./icons";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

export const ACCEPTED_FILES = ".ipynb,application/x-ipynb+json,.pdf,.png,.jpg,.jpeg,.csv,.json,.md,.txt,.yaml,.yml";

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function AttachmentUpload({ handoffId, action, maxBytes }: { handoffId: string; action: ServerAction; maxBytes: number }) {
  const limit = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  const { state, pending, onSubmit } = useFormAction(action, `The upload did not reach the server. Check your connection and try again; if the file is large, an administrator may need to allow uploads of up to ${limit}.`);
  const formRef = useRef<HTMLFormElement>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const handled = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!state?.ok || state.at === handled.current) return;
    handled.current = state.at;
    formRef.current?.reset();
    setChosen(null);
  }, [state]);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setChosen(file?.name ?? null);
    if (file && file.size > maxBytes) {
      setLocalError(`${file.name} is ${megabytes(file.size)}; attachments can be at most ${limit}.`);
    } else {
      setLocalError(null);
    }
  }

  const message = localError ?? (state?.message && !pending ? state.message : null);
  const tone = localError || !state?.ok ? "error" : "success";
  return (
    <form
      ref={formRef}
      onSubmit={(event) => {
        if (localError) {
          event.preventDefault();
          return;
        }
        onSubmit(event);
      }}
      className={styles.upload}
      aria-label="Attach a file"
      encType="multipart/form-data"
      data-chrome="upload"
      noValidate
    >
      <input type="hidden" name="id" value={handoffId} />
      <label className={styles.dropzone} data-chosen={chosen ? "" : undefined}>
        <IconPaperclip size={16} className={styles.dropIcon} />
        <span className={styles.dropText}>
          <span className={styles.dropTitle}>{chosen ?? "Choose a notebook or file"}</span>
          <span className={styles.dropHint}>.ipynb is rendered below the sections · up to {limit}</span>
        </span>
        <input type="file" name="file" accept={ACCEPTED_FILES} onChange={onChange} className={styles.fileInput} aria-label="File to attach" required />
      </label>
      {message && (
        <Alert tone={tone} title={tone === "error" ? "Not attached" : undefined}>
          {message}
        </Alert>
      )}
      <Button type="submit" size="sm" variant="secondary" loading={pending} disabled={!chosen || Boolean(localError)} fullWidth>
        Upload
      </Button>
    </form>
  );
}
