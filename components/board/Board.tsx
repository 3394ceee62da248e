"use client";
// The project board: a column per milestone status, a card per milestone. Dragging a card to
// another column (native HTML5 drag and drop) or choosing a column in its "Move to" select changes
// its status through the same data function as the milestone page, with the version the card
// shows; moving to Blocked first asks for the note. Roles that may not change status see the same
// board without handles or selects.
import { useId, useRef, useState, useTransition, type DragEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Avatar } from "@/components/ui/Avatar";
import { StatusBadge } from "@/components/ui/Badge";
import { statusLabel } from "@/components/ui/status";
import { BlockedDialog } from "./BlockedDialog";
import type { BoardCard, BoardMove, BoardMoveResult } from "./types";
import styles from "./board.module.css";

type Props = {
  projectKey: string;
  statuses: string[];
  cards: BoardCard[];
  canMove: boolean;
  move: (move: BoardMove) => Promise<BoardMoveResult>;
};

const DRAG_TYPE = "application/x-legible-milestone";
const isOpen = (status: string) => status !== "done" && status !== "cancelled";

export function Board({ projectKey, statuses, cards: initial, canMove, move }: Props) {
  const [cards, setCards] = useState(initial);
  // A refresh from the server (after any move) brings new cards: show them, keep the notice.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setCards(initial);
  }
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null);
  const [blocking, setBlocking] = useState<{ card: BoardCard; error?: string } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const dragged = useRef<string | null>(null);

  function send(card: BoardCard, status: string, note: string, health = card.health) {
    setPendingId(card.id);
    startTransition(async () => {
      const result = await move({ id: card.id, status, health, note, version: String(card.version) });
      setPendingId(null);
      if (result.card) {
        const next = result.card;
        setCards((all) => all.map((c) => (c.id === card.id ? { ...c, ...next } : c)));
      }
      if (!result.ok && status === "blocked" && !result.conflict && result.fieldErrors?.note) {
        // The note was refused: keep the dialog open with the reason under the field.
        setBlocking({ card, error: result.message });
        return;
      }
      setBlocking(null);
      setNotice({ ok: result.ok, message: result.conflict ? `${result.message} ${card.key} now shows its latest status.` : result.message });
    });
  }

  function request(card: BoardCard, status: string) {
    if (!canMove || status === card.status) return;
    setNotice(null);
    if (status === "blocked") setBlocking({ card });
    else send(card, status, "");
  }

  function onDrop(event: DragEvent, status: string) {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData(DRAG_TYPE) || dragged.current;
    dragged.current = null;
    const card = cards.find((c) => c.id === id);
    if (card) request(card, status);
  }

  return (
    <div className={styles.wrap}>
      {/* Alert is a live region itself: "status" for a move, "alert" for a refusal. */}
      {notice && <Alert tone={notice.ok ? "success" : "error"}>{notice.message}</Alert>}
      <div className={styles.scroller} role="region" aria-label="Board" tabIndex={0}>
        <div className={styles.board}>
          {statuses.map((status) => {
            const column = cards.filter((c) => c.status === status);
            return (
              <section
                key={status}
                className={styles.column}
                aria-label={statusLabel("milestone", status)}
                data-status={status}
                data-over={over === status || undefined}
                onDragOver={
                  canMove
                    ? (event) => {
                        event.preventDefault();
                        event.dataTransfer.dropEffect = "move";
                        if (over !== status) setOver(status);
                      }
                    : undefined
                }
                onDragLeave={canMove ? () => setOver((o) => (o === status ? null : o)) : undefined}
                onDrop={canMove ? (event) => onDrop(event, status) : undefined}
              >
                <h2 className={styles.columnTitle}>
                  <StatusBadge kind="milestone" value={status} size="sm" />
                  <span className={styles.count}>{column.length}</span>
                </h2>
                <ul className={styles.cards}>
                  {column.map((card) => (
                    <Card
                      key={card.id}
                      card={card}
                      projectKey={projectKey}
                      statuses={statuses}
                      canMove={canMove}
                      pending={pendingId === card.id}
                      onDragStart={(event) => {
                        dragged.current = card.id;
                        event.dataTransfer.setData(DRAG_TYPE, card.id);
                        event.dataTransfer.effectAllowed = "move";
                      }}
                      onMove={(to) => request(card, to)}
                    />
                  ))}
                </ul>
                {column.length === 0 && <p className={styles.empty}>No milestones</p>}
              </section>
            );
          })}
        </div>
      </div>
      {blocking && (
        <BlockedDialog
          milestoneKey={blocking.card.key}
          health={blocking.card.health}
          error={blocking.error}
          pending={pendingId === blocking.card.id}
          onCancel={() => setBlocking(null)}
          onSubmit={(note, health) => send(blocking.card, "blocked", note, health)}
        />
      )}
    </div>
  );
}

function Card({
  card,
  projectKey,
  statuses,
  canMove,
  pending,
  onDragStart,
  onMove,
}: {
  card: BoardCard;
  projectKey: string;
  statuses: string[];
  canMove: boolean;
  pending: boolean;
  onDragStart: (event: DragEvent) => void;
  onMove: (status: string) => void;
}) {
  const selectId = useId();
  const overdue = card.pastDue && isOpen(card.status);
  return (
    <li className={styles.card} draggable={canMove && !pending} onDragStart={canMove ? onDragStart : undefined} data-testid="board-card" data-key={card.key} aria-busy={pending || undefined}>
      <div className={styles.cardHead}>
        {canMove && (
          <span className={styles.handle} aria-hidden data-testid="drag-handle" title="Drag to another column">
            ⠿
          </span>
        )}
        <span className={styles.key}>{card.key}</span>
        {isOpen(card.status) && <StatusBadge kind="health" value={card.health} size="sm" dot />}
      </div>
      <a className={styles.title} href={`/projects/${projectKey}/milestones/${card.id}`} draggable={false}>
        {card.title}
      </a>
      <div className={styles.meta}>
        <span className={styles.owner}>
          {card.owner ? (
            <>
              <Avatar name={card.owner} size="sm" decorative />
              {card.owner}
            </>
          ) : (
            "Unassigned"
          )}
        </span>
        {card.due && (
          <span className={overdue ? styles.overdue : styles.due}>
            <time dateTime={card.due}>{card.dueLabel}</time>
            {overdue && " · Overdue"}
          </span>
        )}
      </div>
      {canMove && (
        <div className={styles.moveRow}>
          <label htmlFor={selectId} className={styles.moveLabel}>
            Move to
          </label>
          <select
            id={selectId}
            className={styles.move}
            value=""
            disabled={pending}
            aria-label={`Move ${card.key} to`}
            onChange={(event) => {
              if (event.target.value) onMove(event.target.value);
            }}
          >
            <option value="">Choose…</option>
            {statuses
              .filter((s) => s !== card.status)
              .map((s) => (
                <option key={s} value={s}>
                  {statusLabel("milestone", s)}
                </option>
              ))}
          </select>
        </div>
      )}
    </li>
  );
}
