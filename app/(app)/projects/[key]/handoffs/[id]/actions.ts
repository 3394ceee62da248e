"use server";
// Server actions of the handoff read view: status changes, approvals, comments (posting, editing,
// deleting), reviewers, linked milestones and attachments.
// Each is a thin wrapper: lib/data checks the caller's role and validates the input.
import { authAction, field, fieldList } from "@/lib/actions";
import { uploadAttachment, deleteAttachment } from "@/lib/data/attachments";
import { setHandoffMilestones } from "@/lib/data/handoff-milestones";
import { approveHandoff, setCommentResolved, setReviewers } from "@/lib/data/handoff-review";
import { addComment, deleteComment, editComment } from "@/lib/data/comments";
import { transitionHandoff } from "@/lib/data/handoffs";
import { ValidationError } from "@/lib/errors";
import type { HandoffStatusValue } from "@/lib/validation/handoff";

const READ_VIEW = "/projects/[key]/handoffs/[id]";
const LIST = "/projects/[key]/handoffs";

/** What the person sees after a status change, by the status it moved to. */
const DONE: Record<HandoffStatusValue, string> = {
  in_review: "Submitted for review. Reviewers can now comment, request changes or accept it.",
  changes_requested: "Changes requested. The author sees your comments and can resubmit.",
  accepted: "Accepted: this handoff is now handed off to engineering.",
  archived: "Archived. Reopen it to work on it again.",
  draft: "Reopened as a draft.",
};

export const transitionAction = authAction(
  (caller, form) => transitionHandoff(caller, field(form, "id"), { transition: field(form, "transition"), note: field(form, "note") }),
  { success: (h) => DONE[h.status], revalidate: [READ_VIEW, LIST] },
);

export const approveAction = authAction(
  (caller, form) => approveHandoff(caller, field(form, "id"), { version: field(form, "version"), note: field(form, "note") }),
  { success: "Approved. The author and the other reviewers see your approval on the page.", revalidate: [READ_VIEW] },
);

export const commentAction = authAction(
  (caller, form) =>
    addComment(caller, field(form, "id"), {
      sectionKey: field(form, "sectionKey"),
      body: field(form, "body"),
      parentId: field(form, "parentId") || undefined,
    }),
  { success: (c) => (c.parentId ? "Reply posted." : "Comment posted."), revalidate: [READ_VIEW, LIST] },
);

export const editCommentAction = authAction(
  (caller, form) => editComment(caller, field(form, "id"), field(form, "commentId"), { body: field(form, "body") }),
  { success: "Comment updated.", revalidate: READ_VIEW },
);

export const deleteCommentAction = authAction(
  (caller, form) => deleteComment(caller, field(form, "id"), field(form, "commentId")),
  { success: (r) => (r.placeholder ? "Comment deleted; its replies stay in the thread." : "Comment deleted."), revalidate: [READ_VIEW, LIST] },
);

export const resolveAction = authAction(
  (caller, form) => setCommentResolved(caller, field(form, "commentId"), field(form, "resolved") === "true"),
  { revalidate: READ_VIEW },
);

export const reviewersAction = authAction(
  (caller, form) => setReviewers(caller, field(form, "id"), { userIds: fieldList(form, "userIds") }),
  { success: "Reviewers saved.", revalidate: [READ_VIEW, LIST] },
);

export const milestonesAction = authAction(
  (caller, form) => setHandoffMilestones(caller, field(form, "id"), { milestoneIds: fieldList(form, "milestoneIds") }),
  { success: "Milestones linked.", revalidate: [READ_VIEW, LIST] },
);

export const uploadAction = authAction(
  async (caller, form) => {
    const file = form.get("file");
    if (!(file instanceof File) || (file.size === 0 && !file.name)) {
      throw new ValidationError("file: choose a notebook or file to attach.", { file: ["choose a file"] });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    return uploadAttachment(caller, field(form, "id"), { filename: file.name, contentType: file.type, bytes });
  },
  { success: (a) => `Attached ${a.filename}.`, revalidate: READ_VIEW },
);

export const deleteAttachmentAction = authAction(
  (caller, form) => deleteAttachment(caller, field(form, "id"), field(form, "attachmentId")),
  { success: "Attachment deleted.", revalidate: READ_VIEW },
);
