// The demo's history spans months, but lib/data stamps every write with the current time. So the
// seed records, for each act, the stretch of real time it ran in and the day it stands for; when
// the rows are copied out of the scratch database (scratch.ts), every time stamped during an act
// becomes that act's day. Times written explicitly (due dates, the direct writes) are left alone.

type Act = { since: number; until: number; at: Date };

export class DemoClock {
  private acts: Act[] = [];

  /** Runs one act (one lib/data call) standing for `at`. Acts never share a millisecond. */
  async act<T>(at: Date, fn: () => Promise<T>): Promise<T> {
    const last = this.acts.at(-1)?.until ?? 0;
    while (Date.now() <= last) await new Promise((resolve) => setImmediate(resolve));
    const since = Date.now();
    const result = await fn();
    this.acts.push({ since, until: Date.now(), at });
    return result;
  }

  /** The day a time stamped during an act stands for; any other time unchanged. */
  retime(value: Date): Date {
    const t = value.getTime();
    for (const act of this.acts) if (t >= act.since && t <= act.until) return act.at;
    return value;
  }

  /** A row with every date column retimed. */
  retimeRow<T extends object>(row: T): T {
    const copy = { ...row } as Record<string, unknown>;
    for (const [key, value] of Object.entries(copy)) if (value instanceof Date) copy[key] = this.retime(value);
    return copy as T;
  }
}
