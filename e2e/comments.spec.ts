// Comment authors edit and delete their own comments on the handoff page; other members see no
// such controls on comments that are not theirs; a project owner deletes anyone's. A deleted first
// comment that has replies stays as a placeholder so the thread keeps its shape.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { createHandoffViaApi, readSection, signedInAs, unique } from "./helpers/handoff";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";

const createHandoff = createHandoffViaApi;

async function comment(page: Page, section: string, text: string) {
  const region = readSection(page, section);
  await region.getByRole("button", { name: `Comment on ${section}` }).click();
  await region.getByRole("textbox", { name: `Comment on ${section}` }).fill(text);
  await region.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(region.getByText(text)).toBeVisible();
}

test("authors edit and delete their comments, others get no such controls, and an owner deletes anyone's", async ({ browser }) => {
  test.setTimeout(120_000);
  const researcher = await signedInAs(browser, "researcher");
  const handoff = await createHandoff(researcher, `Comments ${unique()}`);
  const view = `/projects/FLOOR/handoffs/${handoff.id}`;
  const engineer = await signedInAs(browser, "engineer");
  const question = `Which loss do you train with? ${unique()}`;
  const edited = `Which loss, and with what weights? ${unique()}`;
  const remark = `The latency numbers look optimistic. ${unique()}`;

  await test.step("the engineer comments, edits the comment and sees it marked as edited", async () => {
    await engineer.goto(view);
    await comment(engineer, "Method", question);
    const thread = readSection(engineer, "Method").getByRole("article", { name: "Thread by Tomás Herrera" });
    await thread.getByRole("button", { name: "Edit your comment" }).click();
    const box = thread.getByRole("textbox", { name: "Comment", exact: true });
    await expect(box).toHaveValue(question);
    await box.fill(edited);
    await thread.getByRole("button", { name: "Save", exact: true }).click();
    await expect(thread).toContainText(edited);
    await expect(thread).not.toContainText(question);
    await expect(thread.getByText(/· edited/)).toBeVisible();
    await comment(engineer, "TL;DR", remark);
  });

  await test.step("another member sees neither Edit nor Delete on the engineer's comments", async () => {
    await researcher.goto(view);
    const thread = readSection(researcher, "Method").getByRole("article", { name: "Thread by Tomás Herrera" });
    await expect(thread).toContainText(edited);
    await expect(thread.getByRole("button", { name: /^Edit / })).toHaveCount(0);
    await expect(thread.getByRole("button", { name: /^Delete / })).toHaveCount(0);
    // The researcher replies, so the engineer's first comment has a reply when it is deleted.
    await thread.getByRole("button", { name: "Reply…" }).click();
    await thread.getByRole("textbox", { name: "Reply to Tomás Herrera" }).fill("Cross-entropy on the corners, weight 1.");
    await thread.getByRole("button", { name: "Reply", exact: true }).click();
    await expect(thread.getByRole("list", { name: "Replies" })).toContainText("Cross-entropy on the corners");
  });

  await test.step("the engineer deletes the commented-on thread's first comment: a placeholder keeps the reply in place", async () => {
    await engineer.reload();
    const thread = readSection(engineer, "Method").getByRole("article", { name: "Thread by Tomás Herrera" });
    await thread.getByRole("button", { name: "Delete your comment" }).click();
    await thread.getByRole("button", { name: "Confirm: delete your comment" }).click();
    const placeholder = readSection(engineer, "Method").getByRole("article", { name: "Thread whose first comment was deleted" });
    await expect(placeholder).toContainText("Comment deleted");
    await expect(placeholder).not.toContainText(edited);
    await expect(placeholder.getByRole("list", { name: "Replies" })).toContainText("Cross-entropy on the corners");
  });

  await test.step("the project owner deletes the engineer's other comment", async () => {
    const owner = await (await browser.newContext()).newPage();
    const admin = DEMO_USERS.find((u) => u.isAdmin)!;
    await signIn(owner, admin.email, DEMO_PASSWORD);
    await owner.goto(view);
    const thread = readSection(owner, "TL;DR").getByRole("article", { name: "Thread by Tomás Herrera" });
    await expect(thread).toContainText(remark);
    await expect(thread.getByRole("button", { name: /^Edit / })).toHaveCount(0);
    await thread.getByRole("button", { name: "Delete Tomás Herrera's comment" }).click();
    await thread.getByRole("button", { name: "Confirm: delete Tomás Herrera's comment" }).click();
    await expect(readSection(owner, "TL;DR").getByText(remark)).toHaveCount(0);
    await owner.reload();
    await expect(owner.getByRole("list", { name: "Activity, newest first" }).getByRole("listitem").filter({ hasText: "deleted a comment by Tomás Herrera on TL;DR" })).toHaveCount(1);
    await engineer.reload();
    await expect(readSection(engineer, "TL;DR").getByText(remark)).toHaveCount(0);
  });
});
