// The baseline for bench/overview.bench.mjs: a dynamic page from the same build that does no
// authentication and no database work, padded to the byte size the benchmark asks for.
// It exists only when the server runs with LEGIBLE_BENCH=1.
import { notFound } from "next/navigation";
import { connection } from "next/server";

export const metadata = { title: "Baseline" };

const PARAGRAPH =
  "Milestone progress for a research handoff: the dataset is licensed, the baseline reproduces, the evaluation harness runs nightly and the serving path is under review. ";

export default async function BarePage({ searchParams }: { searchParams: Promise<{ bytes?: string }> }) {
  await connection();
  if (process.env.LEGIBLE_BENCH !== "1") notFound();
  const bytes = Math.min(Math.max(Number((await searchParams).bytes) || 20_000, 1_000), 2_000_000);
  const count = Math.ceil(bytes / (PARAGRAPH.length + 7));
  return (
    <main>
      <h1>Baseline page</h1>
      {Array.from({ length: count }, (_, i) => (
        <p key={i}>{PARAGRAPH}</p>
      ))}
    </main>
  );
}
