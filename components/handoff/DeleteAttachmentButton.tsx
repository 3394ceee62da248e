"use client";
// Deletes an attachment after a second click: deleting cannot be undone.
import { ConfirmDeleteButton } from "./ConfirmDeleteButton";
import type { ServerAction } from "@/components/forms/useFormAction";

export function DeleteAttachmentButton({ handoffId, attachmentId, filename, action }: { handoffId: string; attachmentId: string; filename: string; action: ServerAction }) {
  return <ConfirmDeleteButton action={action} hidden={{ id: handoffId, attachmentId }} what={filename} />;
}
