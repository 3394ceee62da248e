"use client";
// "Add prerequisite" in a milestone's details panel: the keyboard's way to draw a dependency (a
// drag between handles needs a pointer). The choices are the map's other milestones that this
// one does not already wait for; the server refuses a cycle, naming it.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Select } from "@/components/ui/Input";
import type { MapNode } from "@/lib/graph/types";
import styles from "./ProjectMap.module.css";

type Props = {
  node: MapNode;
  candidates: MapNode[];
  pending: boolean;
  /** Called with the chosen prerequisite's node id. */
  onAdd: (prerequisiteNodeId: string) => void;
};

export function MapAddPrerequisite({ node, candidates, pending, onAdd }: Props) {
  const [picked, setChoice] = useState("");
  // Once added, the choice leaves the list (it is a prerequisite now): start over.
  const choice = candidates.some((c) => c.id === picked) ? picked : "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) onAdd(choice);
  };
  return (
    <form className={styles.addPrerequisite} onSubmit={submit} aria-label={`Add a prerequisite to ${node.sublabel}`}>
      <Field label="Add prerequisite" hint={`A milestone that must finish before ${node.sublabel} can start.`}>
        <Select controlSize="sm" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={candidates.length === 0}>
          <option value="" disabled>
            {candidates.length === 0 ? "No other milestone to choose" : "Choose a milestone…"}
          </option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {`${c.sublabel} ${c.label}`}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" size="sm" variant="secondary" disabled={!choice} loading={pending}>
        Add
      </Button>
    </form>
  );
}
