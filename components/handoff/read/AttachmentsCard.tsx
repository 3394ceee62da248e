// The files attached to a handoff: download, view a notebook below, remove; and the upload.
import { AttachmentUpload } from "@/components/handoff/AttachmentUpload";
import { DeleteAttachmentButton } from "@/components/handoff/DeleteAttachmentButton";
import { IconNotebook } from "@/components/handoff/icons";
import type { ServerAction } from "@/components/forms/useFormAction";
import { Card } from "@/components/ui/Card";
import { count } from "@/components/ui/format";
import { IconFileText } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { ATTACHMENT_MAX_BYTES, isNotebook } from "@/lib/data/attachments";
import { formatBytes } from "@/lib/validation/limits";
import styles from "../side-cards.module.css";

type Attachment = { id: string; filename: string; size: number; createdAt: Date };

export function AttachmentsCard({
  handoffId,
  attachments,
  viewable,
  canUpdate,
  uploadAction,
  deleteAction,
  now,
}: {
  handoffId: string;
  attachments: Attachment[];
  /** Attachments shown as notebooks further down the page. */
  viewable: Set<string>;
  canUpdate: boolean;
  uploadAction: ServerAction;
  deleteAction: ServerAction;
  now: Date;
}) {
  return (
    <Card title="Attachments" description={attachments.length ? count(attachments.length, "file") : undefined}>
      <div className={styles.attachmentsCard}>
        {attachments.length === 0 ? (
          <p className={styles.muted}>No notebooks or files attached.</p>
        ) : (
          <ul className={styles.attachments} aria-label="Attached files">
            {attachments.map((a) => (
              <li key={a.id}>
                {isNotebook(a.filename) ? <IconNotebook size={16} className={styles.fileIcon} /> : <IconFileText size={16} className={styles.fileIcon} />}
                <a className={styles.fileName} title={`Download ${a.filename}`} href={`/api/v1/handoffs/${handoffId}/attachments/${a.id}`} download>
                  {a.filename}
                </a>
                {canUpdate && <DeleteAttachmentButton handoffId={handoffId} attachmentId={a.id} filename={a.filename} action={deleteAction} />}
                <span className={styles.fileMeta}>
                  {formatBytes(a.size)} · <RelativeTime date={a.createdAt} now={now} />
                  {viewable.has(a.id) && (
                    <>
                      {" · "}
                      <a href={`#notebook-${a.id}`}>View</a>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canUpdate && <AttachmentUpload handoffId={handoffId} action={uploadAction} maxBytes={ATTACHMENT_MAX_BYTES} />}
      </div>
    </Card>
  );
}
