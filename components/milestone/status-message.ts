// What a status change answers, on the board and the milestone page alike: the new status, and,
// for a milestone marked done while work it depends on is open, which prerequisites those are.
import { joinList } from "@/components/ui/format";
import { statusLabel } from "@/components/ui/status";

export function statusChangeMessage(saved: { key: string; status: string; openPrerequisites?: readonly string[] }): string {
  const now = `${saved.key} is now ${statusLabel("milestone", saved.status).toLowerCase()}.`;
  const open = saved.openPrerequisites ?? [];
  if (open.length === 0) return now;
  return `${now} Note: ${joinList([...open])}, which it depends on, ${open.length === 1 ? "is" : "are"} not finished yet.`;
}
