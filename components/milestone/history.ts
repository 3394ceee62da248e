// A milestone's first status entry is written with the note "Created" (lib/data/milestones.ts,
// decompose); views that already say "created it" do not repeat it as a note.
export function isCreationNote(update: { fromStatus: string | null; note: string }): boolean {
  return update.fromStatus === null && update.note === "Created";
}
