// A refusal from the import endpoint, and the file error with the line it names shown in place.
import { Alert } from "@/components/ui/Alert";
import styles from "./imports.module.css";

export type Problem = { message: string; line?: number; column?: number };

/** The problem JSON's detail, with the line and column when the message names them. */
export function readProblem(body: unknown, status: number): Problem {
  const detail = typeof body === "object" && body !== null && "detail" in body && typeof body.detail === "string" ? body.detail : `The server answered ${status}.`;
  const place = /, line (\d+), column (\d+): /.exec(detail);
  return place ? { message: detail, line: Number(place[1]), column: Number(place[2]) } : { message: detail };
}

/** The error, and the named line of the text with a caret under the column. */
export function FileError({ problem, text }: { problem: Problem; text: string }) {
  const lines = text.split("\n");
  const line = problem.line !== undefined ? lines[problem.line - 1] : undefined;
  return (
    <Alert tone="error" title={problem.line !== undefined ? `Line ${problem.line}, column ${problem.column}` : "The file cannot be imported"}>
      <p className={styles.errorText}>{problem.message}</p>
      {line !== undefined && (
        <pre className={styles.excerpt} aria-label={`Line ${problem.line} of the file`}>
          <span className={styles.lineNo}>{problem.line}</span>
          {line.slice(0, 200)}
          {"\n"}
          <span className={styles.lineNo} />
          {" ".repeat(Math.max(0, Math.min((problem.column ?? 1) - 1, 200)))}^
        </pre>
      )}
    </Alert>
  );
}
