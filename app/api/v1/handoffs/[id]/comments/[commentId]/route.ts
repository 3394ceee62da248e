import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteComment, editComment } from "@/lib/data/comments";

type Params = { id: string; commentId: string };

/** { "body": "…" }: the comment's author replaces its text; it is marked as edited. */
export const PATCH = apiRoute<Params>(async (caller, request, { id, commentId }) => ({
  comment: await editComment(caller, id, commentId, await readJson(request)),
}));

/** Its author, or an owner of the project, deletes a comment. */
export const DELETE = apiRoute<Params>(async (caller, _req, { id, commentId }) => {
  await deleteComment(caller, id, commentId);
  return new Response(null, { status: 204 });
});
