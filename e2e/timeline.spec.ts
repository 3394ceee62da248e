// The project timeline (issue 9, item 5): a Gantt chart of the computed plan. A manager opens the
// demo FLOOR project's Timeline from the project's sections: today's line, the critical path in
// words as the plan API gives it, a slipping bar marked with its slip, rows linking to their
// milestones; at 1024 px in the dark theme the chart scrolls sideways inside its frame, never the
// page. Other tests add milestones to FLOOR meanwhile, so nothing here counts the demo's rows.
import { expect, test } from "@playwright/test";
import { formatDate } from "@/components/ui/format";
import { ownOrigin } from "./helpers/api";
import { signedInAs, unique } from "./helpers/handoff";

type PlanRow = { id: string; key: string; status: string; dueDate: string | null; slipDays: number };
type Plan = { today: string; criticalPath: string[]; milestones: PlanRow[] };

test("a manager sees today's line, the critical path as the plan API gives it, and a slipping bar marked", async ({ browser }) => {
  const page = await signedInAs(browser, "manager");
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto("/projects/FLOOR");
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/\/projects\/FLOOR\/timeline$/);
  await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();

  // The plan as the API computes it, read again should another test change FLOOR in between.
  let plan: Plan | undefined;
  await expect(async () => {
    const res = await page.request.get("/api/v1/projects/FLOOR/plan");
    expect(res.status()).toBe(200);
    plan = (await res.json()).plan as Plan;
    await page.reload();
    await expect(page.getByTestId("critical-path")).toHaveText(`Critical path: ${plan.criticalPath.join(" → ")}`, { timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  if (!plan) throw new Error("no plan");
  expect(plan.criticalPath.length).toBeGreaterThan(0);

  // Today's line, labelled with the date.
  await expect(page.getByRole("img", { name: `Today, ${formatDate(plan.today)}` })).toBeAttached();
  await expect(page.getByText(`Today, ${formatDate(plan.today)}`)).toBeVisible();

  // The critical path is outlined on its bars.
  const last = plan.criticalPath[plan.criticalPath.length - 1];
  await expect(page.getByRole("img", { name: new RegExp(`^${last} .*; on the critical path`) })).toBeAttached();

  // A slipping milestone (the demo has two): its bar carries the slip past the due date, with "+N d".
  const slipping = plan.milestones.find((m) => m.slipDays > 0 && m.dueDate);
  expect(slipping, "the demo plan has a slipping milestone").toBeTruthy();
  const bar = page.getByRole("img", { name: new RegExp(`^${slipping!.key} .*slipping ${slipping!.slipDays} d past its due date ${formatDate(slipping!.dueDate!)}`) });
  await expect(bar).toBeAttached();
  await expect(bar).toHaveAttribute("data-slip", String(slipping!.slipDays));
  await expect(bar).toContainText(`+${slipping!.slipDays} d`);

  // Blocked milestones are marked in the label column.
  const blocked = plan.milestones.find((m) => m.status === "blocked");
  if (blocked) {
    const labels = page.getByRole("list", { name: "Milestones in timeline order" });
    await expect(labels.getByRole("listitem").filter({ has: page.getByRole("link", { name: new RegExp(`^${blocked.key} `) }) })).toContainText("Blocked");
  }

  // At 1024 px in the dark theme: the chart scrolls inside its frame, the page does not.
  await page.context().addCookies([{ name: "legible-theme", value: "dark", url: page.url() }]);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const chart = page.getByRole("region", { name: "Timeline" });
  await expect(chart).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  expect(await chart.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  // A row's label leads to its milestone.
  await page.getByRole("list", { name: "Milestones in timeline order" }).getByRole("link", { name: new RegExp(`^${slipping!.key} `) }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/FLOOR/milestones/${slipping!.id}$`));
});

test("a project without milestones shows an empty timeline that offers to create one", async ({ browser }) => {
  const page = await signedInAs(browser, "manager");
  const key = `T${unique().slice(0, 6).toUpperCase()}`;
  const created = await page.request.post("/api/v1/projects", { data: { key, name: `Empty timeline ${key}` }, headers: ownOrigin() });
  expect(created.status(), await created.text()).toBe(201);
  await page.goto(`/projects/${key}/timeline`);
  await expect(page.getByRole("heading", { name: "No milestones yet" })).toBeVisible();
  await page.getByRole("link", { name: "New milestone" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${key}/milestones/new$`));
});
