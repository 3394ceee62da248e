import type { Metadata } from "next";
import Link from "next/link";
import { Avatar } from "@/components/ui/Avatar";
import { StatusBadge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { FilterChips } from "@/components/ui/FilterChips";
import { EmptyState } from "@/components/ui/EmptyState";
import { IconSearch, IconServer } from "@/components/ui/icons";
import { Input } from "@/components/ui/Input";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Table } from "@/components/ui/Table";
import { statusLabel, statusTone } from "@/components/ui/status";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { canAddServices, listServices } from "@/lib/data/services";
import { markdownExcerpt } from "@/lib/markdown/excerpt";
import { SERVICE_LAYERS } from "@/lib/validation/service";
import styles from "@/components/service/services.module.css";
import { CATALOG_EDITOR_ROLES, listRoles } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Services" };

type Layer = (typeof SERVICE_LAYERS)[number];
type Service = Awaited<ReturnType<typeof listServices>>[number];

/** What each layer of the monorepo holds, in the order a request flows through them. */
const LAYER_NOTES: Record<Layer, string> = {
  gateway: "Entry points: JWT auth, scopes, rate limits and routing by service name.",
  api: "Request validation and orchestration behind the gateway.",
  service: "Business logic with clear interfaces and no UI.",
  worker: "Background jobs that consume queues.",
  model: "Model serving, usually on accelerators.",
  data: "Databases, object stores and other state.",
};

function matches(service: Service, query: string): boolean {
  if (!query) return true;
  const haystack = [service.name, service.displayName, service.description, service.owner?.name ?? "", service.repositoryPath, service.image]
    .join("\n")
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function href(params: { q?: string; layer?: string }): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.layer) search.set("layer", params.layer);
  const qs = search.toString();
  return qs ? `/services?${qs}` : "/services";
}

export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[]; layer?: string | string[] }> }) {
  const params = await searchParams;
  const q = (Array.isArray(params.q) ? params.q[0] : params.q)?.trim().slice(0, 200) ?? "";
  const layerParam = Array.isArray(params.layer) ? params.layer[0] : params.layer;
  const layer = SERVICE_LAYERS.find((l) => l === layerParam);
  const actor = await requireActorOrRedirect(href({ q, layer }));
  const [services, canAdd] = await Promise.all([listServices(actor), canAddServices(actor)]);
  const now = new Date();

  const searched = services.filter((s) => matches(s, q));
  const counts = Object.fromEntries(SERVICE_LAYERS.map((l) => [l, searched.filter((s) => s.layer === l).length])) as Record<Layer, number>;
  const shown = layer ? searched.filter((s) => s.layer === layer) : searched;
  const groups = SERVICE_LAYERS.map((l) => ({ layer: l, services: shown.filter((s) => s.layer === l) })).filter((g) => g.services.length > 0);
  const filtered = Boolean(q || layer);
  const production = services.filter((s) => s.lifecycle === "production").length;

  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader
          title="Services"
          description="The organisation-wide catalog: every container in the monorepo, the layer it sits in, who owns it and where it is in its lifecycle."
          meta={
            services.length > 0 ? (
              <span className={styles.headerFacts}>
                {services.length} {services.length === 1 ? "service" : "services"} · {production} in production
              </span>
            ) : undefined
          }
          actions={
            <>
              <Button href="/map/services" variant="secondary">
                Services map
              </Button>
              {canAdd && (
                <Button href="/services/new" variant="primary">
                  New service
                </Button>
              )}
            </>
          }
        />

        {services.length === 0 ? (
          <EmptyState
            icon={<IconServer size={20} />}
            title="The catalog is empty"
            description={
              canAdd
                ? "Add the monorepo's services with New service or through the API (POST /api/v1/services). Each entry records its layer, owner and lifecycle; whoever adds one owns it."
                : `${listRoles(CATALOG_EDITOR_ROLES, true)} of a project add services here. Each entry records its layer, owner and lifecycle.`
            }
          />
        ) : (
          <>
            <div className={styles.toolbar}>
              <form action="/services" method="get" role="search" className={styles.search}>
                <label htmlFor="service-search" className="sr-only">
                  Search services
                </label>
                <IconSearch size={14} className={styles.searchIcon} />
                <Input id="service-search" name="q" type="search" defaultValue={q} placeholder="Search by name, owner, image or repository…" className={styles.searchInput} />
                {layer && <input type="hidden" name="layer" value={layer} />}
                <Button type="submit" variant="secondary">
                  Search
                </Button>
              </form>
              <FilterChips
                label="Filter by layer"
                chips={[
                  { href: href({ q }), label: "All layers", count: searched.length, current: !layer },
                  ...SERVICE_LAYERS.map((l) => ({
                    href: href({ q, layer: l }),
                    label: (
                      <>
                        <StatusDotInline layer={l} />
                        {statusLabel("layer", l)}
                      </>
                    ),
                    count: counts[l],
                    current: layer === l,
                  })),
                ]}
              />
            </div>

            {shown.length === 0 ? (
              <EmptyState
                icon={<IconSearch size={20} />}
                title="No services match"
                description={
                  <>
                    Nothing in the catalog matches{q ? <> “{q}”</> : null}
                    {layer ? <> in the {statusLabel("layer", layer)} layer</> : null}.
                  </>
                }
                action={
                  <Button href="/services" variant="secondary">
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <Table caption={filtered ? `Services matching the filter (${shown.length})` : "Services by layer"}>
                <thead>
                  <tr>
                    <th scope="col">Service</th>
                    <th scope="col">Lifecycle</th>
                    <th scope="col">Owner</th>
                    <th scope="col" data-align="right" className={styles.countCell}>
                      Interfaces
                    </th>
                    <th scope="col" data-align="right" className={styles.countCell}>
                      <abbr className={styles.hint} title="Services it calls, reads or publishes to">Calls</abbr>
                    </th>
                    <th scope="col" data-align="right" className={styles.countCell}>
                      <abbr className={styles.hint} title="Services that depend on it">Called by</abbr>
                    </th>
                    <th scope="col" data-align="right" className={styles.countCell}>
                      <abbr className={styles.hint} title="Milestones it implements, in projects you can see">Milestones</abbr>
                    </th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                {groups.map((group) => (
                  <tbody key={group.layer}>
                    {!layer && (
                      <tr className={styles.groupRow}>
                        <th scope="colgroup" colSpan={8} className={styles.groupHeader}>
                          <span className={styles.groupTitle}>
                            <StatusDotInline layer={group.layer} />
                            {statusLabel("layer", group.layer)}
                            <span className={styles.groupCount}>{group.services.length}</span>
                          </span>
                          <span className={styles.groupNote}>{LAYER_NOTES[group.layer]}</span>
                        </th>
                      </tr>
                    )}
                    {group.services.map((s) => (
                      <tr key={s.id}>
                        <td className={styles.serviceCell}>
                          <Link href={`/services/${s.name}`} className={styles.serviceName}>
                            {s.name}
                          </Link>
                          {s.displayName && <span className={styles.displayName}>{s.displayName}</span>}
                          {s.description && <span className={styles.excerpt}>{markdownExcerpt(s.description, 140)}</span>}
                        </td>
                        <td>
                          <StatusBadge kind="lifecycle" value={s.lifecycle} size="sm" />
                        </td>
                        <td>
                          {s.owner ? (
                            <span className={styles.owner}>
                              <Avatar name={s.owner.name} size="sm" decorative />
                              {s.owner.name}
                            </span>
                          ) : (
                            <span className={styles.none}>Unowned</span>
                          )}
                        </td>
                        <td data-align="right" className={styles.countCell}>{count(s._count.interfaces)}</td>
                        <td data-align="right" className={styles.countCell}>{count(s._count.calls)}</td>
                        <td data-align="right" className={styles.countCell}>{count(s._count.calledBy)}</td>
                        <td data-align="right" className={styles.countCell}>{count(s._count.milestones)}</td>
                        <td className={styles.updated}>
                          <RelativeTime date={s.updatedAt} now={now} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </Table>
            )}
          </>
        )}
      </Stack>
    </PageContainer>
  );
}

function count(n: number) {
  return n === 0 ? <span className={styles.zero}>0</span> : n;
}

/** The layer's colour beside its name; decorative, the name is the label. */
function StatusDotInline({ layer }: { layer: Layer }) {
  return <span className={styles.layerDot} data-tone={statusTone("layer", layer)} aria-hidden />;
}
