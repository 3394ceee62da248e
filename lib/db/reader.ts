// Hot reads straight on the database driver (ADR 0003): the statements ADR 0002 moved to plain
// SQL, run on better-sqlite3 or node-postgres without the Prisma client in between. Prisma's
// $queryRaw still interprets a query plan, crosses several async hops and prepares the statement
// again on every call; on the handoff page that was 13 % of the server's CPU for its dozen reads.
//
// A reader only reads: on SQLite it refuses any statement that returns no rows, and on both it
// runs outside any transaction, so writes stay on the Prisma client. Values come back as the
// ORM would give them: DateTime as Date, Boolean as boolean, Json parsed, integers as numbers.
import Database from "better-sqlite3";
import { Pool, types as pgTypes, type CustomTypesConfig } from "pg";

/** What a template may interpolate: always bound as a parameter, never spliced into the text. */
export type SqlValue = string | number | boolean | Date | null;

export interface Reader {
  query<T>(strings: TemplateStringsArray, values: readonly SqlValue[]): Promise<T[]>;
  close(): Promise<void>;
}

type Column = { name: string; type: string | null };
type Prepared = { statement: Database.Statement; convert: (row: unknown[]) => Record<string, unknown> };

/** SQLite stores Prisma's DateTime as ISO text ("2026-07-19T15:22:53.553+00:00"), older rows as epoch ms. */
function sqliteValue(type: string | null): (value: unknown) => unknown {
  switch (type?.toUpperCase()) {
    case "DATETIME":
      return (v) => (v === null ? null : new Date(typeof v === "string" ? v : Number(v)));
    case "BOOLEAN":
      return (v) => (v === null ? null : Boolean(v));
    case "JSONB":
    case "JSON":
      return (v) => (typeof v === "string" ? JSON.parse(v) : v);
    default:
      return (v) => v;
  }
}

function sqliteParam(value: SqlValue): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export function sqliteReader(file: string, busyTimeoutMs: number): Reader {
  let connection: Database.Database | undefined;
  // Keyed by the template's strings, which are the same object for every call of one template.
  const prepared = new Map<TemplateStringsArray | string, Prepared>();
  const prepare = (strings: TemplateStringsArray): Prepared => {
    const hit = prepared.get(strings);
    if (hit) return hit;
    connection ??= new Database(file, { fileMustExist: true, timeout: busyTimeoutMs });
    const statement = connection.prepare(strings.join("?"));
    if (!statement.reader) throw new Error("a reader runs only statements that return rows");
    statement.raw(true);
    const columns = statement.columns() as Column[];
    const converters = columns.map((c) => sqliteValue(c.type));
    const entry: Prepared = {
      statement,
      convert: (row) => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < columns.length; i++) out[columns[i].name] = converters[i](row[i]);
        return out;
      },
    };
    prepared.set(strings, entry);
    return entry;
  };
  return {
    async query<T>(strings: TemplateStringsArray, values: readonly SqlValue[]) {
      const { statement, convert } = prepare(strings);
      return (statement.all(...values.map(sqliteParam)) as unknown[][]).map(convert) as T[];
    },
    async close() {
      prepared.clear();
      connection?.close();
      connection = undefined;
    },
  };
}

const PG_TIMESTAMP = 1114; // timestamp(3) without time zone: Prisma writes UTC
const PG_INT8 = 20; // COUNT(*) and the like

/** Parsers for this pool only; the global pg defaults (and Prisma's own pool) stay as they are. */
const pgParsers: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === PG_TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === PG_INT8) return (text: string) => Number(text);
    return pgTypes.getTypeParser(oid, format);
  }) as CustomTypesConfig["getTypeParser"],
};

export function postgresReader(connectionString: string): Reader {
  let pool: Pool | undefined;
  const texts = new WeakMap<TemplateStringsArray, string>();
  const textOf = (strings: TemplateStringsArray) => {
    let text = texts.get(strings);
    if (text === undefined) {
      text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
      texts.set(strings, text);
    }
    return text;
  };
  return {
    async query<T>(strings: TemplateStringsArray, values: readonly SqlValue[]) {
      if (!pool) {
        pool = new Pool({ connectionString, max: 5, idleTimeoutMillis: 10_000, allowExitOnIdle: true, types: pgParsers });
        // An idle connection the server closed (restart, a test dropping its database) is
        // replaced on the next query; it must not crash the process.
        pool.on("error", () => {});
      }
      // A timestamp parameter compares with "timestamp without time zone" columns as UTC.
      const params = values.map((v) => (v instanceof Date ? v.toISOString() : v));
      const result = await pool.query({ text: textOf(strings), values: params });
      return result.rows as T[];
    },
    async close() {
      const current = pool;
      pool = undefined;
      await current?.end();
    },
  };
}
