// Sign-in attempts refused as throttled (429) have no audit rows of their own (a locked-out client
// can send them as fast as it likes); this shows how many there were, and for which accounts and
// addresses, over the last 24 hours.
import { Card } from "@/components/ui/Card";
import { Table } from "@/components/ui/Table";
import type { ThrottledSignInSummary } from "@/lib/data/anonymous-denials";

const count = (n: number) => n.toLocaleString("en");

export function ThrottledSignIns({ summary }: { summary: ThrottledSignInSummary }) {
  return (
    <Card
      title="Throttled sign-in attempts"
      headingLevel={2}
      description={`Attempts refused because an account or address failed too often are counted here per hour, not listed one by one: ${count(summary.last24Hours)} in the last 24 hours, ${count(summary.last30Days)} in the last 30 days.`}
    >
      {summary.top.length > 0 && (
        <Table density="compact" caption="Most throttled in the last 24 hours">
          <thead>
            <tr>
              <th scope="col">Throttled</th>
              <th scope="col">Account or address</th>
              <th scope="col">Attempts refused</th>
            </tr>
          </thead>
          <tbody>
            {summary.top.map((row) => (
              <tr key={`${row.scope}:${row.key}`} data-testid="throttled-row">
                <td>{row.scope === "account" ? "Account" : "Address"}</td>
                <td className="mono">{row.key}</td>
                <td className="tabular">{count(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
