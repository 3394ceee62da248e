// Vitest globalSetup: runs once in the main process before any worker starts. Whether
// PostgreSQL answers is an async question, but describe() blocks are collected
// synchronously, so the answer is probed here once and handed to every worker with
// project.provide(); tests read it with inject("postgres") (see tests/helpers/db.ts). It also
// builds the Markdown worker bundle when its sources changed.
import type { TestProject } from "vitest/node";
import { buildMarkdownWorker } from "../scripts/build-markdown-worker.mjs";
import { postgresAdminUrl, postgresAvailable } from "./helpers/postgres";

export default async function setup(project: TestProject) {
  // Markdown renders in worker threads started from this bundle (lib/markdown/server.ts).
  await buildMarkdownWorker();
  const url = postgresAdminUrl();
  project.provide("postgres", { url: redact(url), available: await postgresAvailable(url) });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { url: string; available: boolean };
  }
}
