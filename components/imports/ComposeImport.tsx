"use client";
// The compose import: a file chosen or pasted, a Preview (the server's dry run, so the preview is
// exactly what applying writes), the services with their layers (each changeable, which previews
// again), the plan in four sections, and Apply. Talks to POST /api/v1/projects/{key}/imports/compose.
import Link from "next/link";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Textarea } from "@/components/ui/Input";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { useLeaveGuard } from "@/components/forms/useLeaveGuard";
import type { ComposeImportResult } from "@/lib/data/compose-import";
import type { ServiceLayer } from "@/lib/import/compose-layers";
import { ComposePlanSections } from "./ComposePlanSections";
import { ComposeServicesTable } from "./ComposeServicesTable";
import { FileError, readProblem, type Problem } from "./problem";
import styles from "./imports.module.css";

const MAX_BYTES = 1_000_000;
const EXAMPLE = ["services:", "  api_server:", "    build: ./backend", "    depends_on: [db]", "  db:", "    image: postgres:16"].join("\n");

type Stage = { label: string; value?: number } | null;

export function ComposeImport({ projectKey, label }: { projectKey: string; label: string }) {
  const [text, setText] = useState("");
  const [filename, setFilename] = useState("compose.yaml");
  const [layers, setLayers] = useState<Record<string, ServiceLayer>>({});
  const [result, setResult] = useState<ComposeImportResult | null>(null);
  const [previewedText, setPreviewedText] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [stage, setStage] = useState<Stage>(null);
  const [applied, setApplied] = useState<ComposeImportResult | null>(null);
  const request = useRef(0);
  useLeaveGuard(text.trim() !== "" && !applied && stage === null && Boolean(result?.plan.create.length || result?.plan.update.length));

  async function send(apply: boolean, nextLayers = layers) {
    const id = ++request.current;
    setProblem(null);
    setStage({ label: apply ? "Applying the import in one transaction…" : "Reading the file and comparing it with the catalog…" });
    try {
      const res = await fetch(`/api/v1/projects/${encodeURIComponent(projectKey)}/imports/compose${apply ? "?apply=1" : ""}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ text, filename, layers: nextLayers }),
      });
      const body: unknown = await res.json().catch(() => null);
      if (id !== request.current) return;
      if (!res.ok) {
        setProblem(readProblem(body, res.status));
        if (apply) setApplied(null);
        return;
      }
      const answer = body as ComposeImportResult;
      setPreviewedText(text);
      if (apply) {
        setApplied(answer);
        // What the catalog holds now: everything unchanged.
        void send(false, nextLayers);
      } else {
        setResult(answer);
      }
    } catch {
      if (id === request.current) setProblem({ message: "The server could not be reached. Check your connection and try again." });
    } finally {
      if (id === request.current) setStage(null);
    }
  }

  function readFile(file: File) {
    setProblem(null);
    if (file.size > MAX_BYTES) {
      setProblem({ message: `${file.name}: the file is ${(file.size / 1_000_000).toFixed(1)} MB; the limit is 1.0 MB.` });
      return;
    }
    const reader = new FileReader();
    reader.onprogress = (e) => setStage({ label: `Reading ${file.name}…`, value: e.lengthComputable ? (e.loaded / e.total) * 100 : undefined });
    reader.onload = () => {
      setStage(null);
      setText(String(reader.result ?? ""));
      setFilename(file.name);
      setResult(null);
      setApplied(null);
      setLayers({});
    };
    reader.onerror = () => {
      setStage(null);
      setProblem({ message: `${file.name} could not be read.` });
    };
    reader.readAsText(file);
  }

  function changeLayer(name: string, layer: ServiceLayer) {
    const next = { ...layers, [name]: layer };
    setLayers(next);
    setApplied(null);
    void send(false, next);
  }

  const current = result !== null && previewedText === text;
  const writes = current ? result.plan.create.length + result.plan.update.length : 0;
  const busy = stage !== null;

  return (
    <div className={styles.layout}>
      <form
        aria-label="Compose file"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(null);
          void send(false);
        }}
        noValidate
      >
        <div className={styles.source}>
          <Field label="Upload a file" hint="docker-compose.yml, compose.yaml: up to 1 MB and 1,000 services.">
            <input
              type="file"
              accept=".yml,.yaml,.json,application/yaml,text/yaml"
              className={styles.file}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) readFile(file);
              }}
            />
          </Field>
          <Field label={label} hint="Or paste it here. Environment variable values are never kept, only their names.">
            <Textarea
              rows={10}
              mono
              value={text}
              placeholder={EXAMPLE}
              onChange={(e) => {
                setText(e.target.value);
                setApplied(null);
              }}
              spellCheck={false}
            />
          </Field>
        </div>
        <div className={styles.actions}>
          <Button type="submit" variant="secondary" loading={busy && !applied} disabled={!text.trim() || busy}>
            Preview
          </Button>
          {result && !current && <span className={styles.muted}>The file changed since the preview: preview it again.</span>}
        </div>
      </form>

      {stage && (
        <div className={styles.progress} role="status" aria-live="polite">
          {stage.value === undefined ? <div className={styles.indeterminate} aria-hidden /> : <ProgressBar value={stage.value} label={stage.label} />}
          <span>{stage.label}</span>
        </div>
      )}
      {problem && <FileError problem={problem} text={text} />}
      {applied && (
        <Alert tone="success" title="Imported">
          {applied.plan.create.length} created and {applied.plan.update.length} updated in one transaction. Services of this file now appear on the <Link href={`/projects/${encodeURIComponent(projectKey)}/map`}>map</Link> once a milestone names them, and in the <Link href="/services">catalog</Link>.
        </Alert>
      )}

      {current && (
        <section aria-label="Preview" className={styles.preview}>
          <ComposeServicesTable services={result.services} onLayer={changeLayer} disabled={busy} />
          <ComposePlanSections plan={result.plan} projectKey={projectKey} />
          {result.refused.length > 0 && (
            <Alert tone="error" title="You may not change some of these services">
              Applying would be refused for {result.refused.join(", ")}: adding a service needs an engineer, manager or owner role in a project, and changing one needs edit rights on it (its owner, an admin, or a planner of a project whose milestones its editors linked to it).
            </Alert>
          )}
          <div className={styles.actions}>
            <Button variant="primary" disabled={writes === 0 || busy || result.refused.length > 0} loading={busy && stage?.label.startsWith("Applying")} onClick={() => void send(true)}>
              {writes === 0 ? "Nothing to apply" : `Apply: ${result.plan.create.length} to create, ${result.plan.update.length} to update`}
            </Button>
            <span className={styles.muted}>Nothing is written until you apply. Nothing is ever deleted.</span>
          </div>
        </section>
      )}
    </div>
  );
}
