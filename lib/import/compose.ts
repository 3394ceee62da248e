// Reads a docker-compose file (the Compose specification) into the services a catalog import needs:
// name, image, build context (the repository path), ports, profiles, networks, environment variable
// NAMES (never their values), dependencies (depends_on in both forms, links) and a suggested layer
// with its reason. Anchors and merge keys are applied by readYaml; `extends` within the file is
// applied here. Refused, naming the place: keys the specification does not have, values of the
// wrong form, `extends.file`, extends cycles, dependencies on services the file does not define,
// names that cannot be catalog names, more than COMPOSE_LIMITS.services services. Pure.
//
// Names: a catalog name is DNS-safe (lowercase letters, digits, hyphens). Compose also allows
// underscores, dots and capitals, so `api_server` is imported as `api-server` (lowercased, `_` and
// `.` become `-`); the preview says so, and two compose names that would become the same catalog
// name are refused.
//
// Fields are copied as written: ${VAR:-default} is not resolved (the environment of each run
// decides), except that the layer suggestion reads the default.
import { ImportFileError, readYaml, type Position, type YamlFile } from "@/lib/import/yaml";
import { EXPECTED, SERVICE_KEYS, TOP_LEVEL_KEYS, composeSchema, isExtensionKey, type RawService } from "@/lib/import/compose-spec";
import { interpolateDefaults, suggestLayer, type LayerSuggestion } from "@/lib/import/compose-layers";
import { serviceFieldProblem, type RuntimePlaces } from "@/lib/import/compose-fields";
import { serviceNameSchema } from "@/lib/validation/service";

export const COMPOSE_LIMITS = {
  /** Services in one file. */
  services: 1_000,
  /**
   * Alias uses, weighted by the aliases inside what they point at (the yaml parser's count):
   * compose files reuse one anchor per service (`logging: *default-logging`, `<<: *common`), so a
   * file of 1,000 services needs more than readYaml's general 200. A nested alias bomb still
   * passes this within a few levels (9 × 9 × 9 × 9 > 5,000), and readYaml's cap on the expanded
   * document (YAML_LIMITS.maxNodes) bounds the rest.
   */
  aliasUses: 5_000,
  /** Dependencies (depends_on and links) one service states, and with what it extends. */
  dependenciesPerService: 100,
  /** Dependencies all the services of one file state together. */
  dependencies: 5_000,
} as const;

export type ComposeService = {
  /** The catalog name (DNS-safe). */
  name: string;
  /** The name as the file writes it, when it differs from `name`. */
  composeName: string;
  image?: string;
  /** The build context, when the file builds the image. */
  repositoryPath?: string;
  ports: string[];
  profiles: string[];
  networks: string[];
  /** Environment variable names only. */
  environment: string[];
  /** Catalog names of the services it depends on (depends_on, then links), each once. */
  dependsOn: string[];
  suggestion: LayerSuggestion;
};

export type ComposeFile = { name?: string; services: ComposeService[] };

const SERVICE_KEY_SET = new Set<string>(SERVICE_KEYS);
const TOP_KEY_SET = new Set<string>(TOP_LEVEL_KEYS);

/** The catalog name of a compose service name: lowercased, `_` and `.` as `-`. */
export const catalogName = (composeName: string) => composeName.trim().toLowerCase().replace(/[_.]/g, "-");

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Edit distance, for "did you mean": small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function didYouMean(key: string, known: readonly string[]): string {
  if (key.length > 40) return "";
  const best = known.map((k) => [k, distance(key.toLowerCase(), k)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= 2 ? ` Did you mean ${best[0]}?` : "";
}

const pathText = (path: readonly (string | number)[]) => path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[");

class Reader {
  private lines?: string[];
  constructor(
    readonly text: string,
    readonly file: YamlFile,
    readonly filename: string,
  ) {}

  /** Where a key of the map at `parent` is written (its value's place when that cannot be found). */
  keyPosition(parent: readonly (string | number)[], key: string): Position | undefined {
    const start = this.file.positionOf(parent.length ? parent : []);
    const valueAt = this.file.positionOf([...parent, key]);
    if (!start) return valueAt;
    this.lines ??= this.text.split("\n");
    const indent = start.column - 1;
    const quoted = [key, `"${key}"`, `'${key}'`];
    for (let i = start.line - 1; i < this.lines.length && i < start.line - 1 + 50_000; i++) {
      const line = this.lines[i];
      const body = i === start.line - 1 ? line.slice(indent) : line;
      const lead = i === start.line - 1 ? indent : body.length - body.trimStart().length;
      const rest = body.trimStart();
      if (!rest || rest.startsWith("#")) continue;
      if (i > start.line - 1 && lead < indent) break;
      if (lead === indent && quoted.some((q) => rest.startsWith(q) && /^\s*:/.test(rest.slice(q.length)))) return { line: i + 1, column: indent + 1 };
    }
    return valueAt;
  }

  fail(detail: string, position?: Position): never {
    throw new ImportFileError(detail, this.filename, position);
  }

  failAt(path: readonly (string | number)[], detail: string): never {
    const key = path[path.length - 1];
    const position = typeof key === "string" ? this.keyPosition(path.slice(0, -1), key) : this.file.positionOf(path);
    this.fail(`${pathText(path)}: ${detail}`, position);
  }
}

/** Refuses a key the specification does not have, naming it and where it is. */
function checkKeys(reader: Reader, value: Record<string, unknown>, known: Set<string>, path: string[], what: string) {
  for (const key of Object.keys(value)) {
    if (known.has(key) || isExtensionKey(key)) continue;
    const place = path.length ? `${pathText(path)}: ` : "";
    reader.fail(`${place}${key} is not a ${what} key of the Compose specification.${didYouMean(key, [...known])}`, reader.keyPosition(path, key));
  }
}

type Own = {
  image?: string;
  repositoryPath?: string;
  ports: string[];
  profiles?: string[];
  networks: string[];
  environment: string[];
  dependsOn: string[];
  gpu: boolean;
  extends?: string;
};

/** A port as the catalog keeps it: the short form as written, the long form in short form. */
function portText(port: string | number | { target: string | number; published?: string | number; protocol?: string; host_ip?: string }): string {
  if (typeof port === "string") return port.trim();
  if (typeof port === "number") return String(port);
  const target = String(port.target);
  const published = port.published === undefined ? "" : `${port.host_ip ? `${port.host_ip}:` : ""}${port.published}:`;
  return `${published}${target}${port.protocol && port.protocol !== "tcp" ? `/${port.protocol}` : ""}`;
}

/** The container port a port entry listens on, when it is a number (ranges: the first). */
export function containerPort(port: string): number | undefined {
  const target = interpolateDefaults(port).split("/")[0].split(":").pop() ?? "";
  const n = Number(target.split("-")[0]);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
}

const unique = (values: string[]) => [...new Set(values)];

/** The first place of each value. */
function placesOf(entries: [string, (string | number)[]][]): Map<string, (string | number)[]> {
  const places = new Map<string, (string | number)[]>();
  for (const [value, place] of entries) if (!places.has(value)) places.set(value, place);
  return places;
}

function ownFields(reader: Reader, composeName: string, raw: RawService, names: Map<string, string>): Own {
  const at = (key: string, ...rest: (string | number)[]) => ["services", composeName, key, ...rest];
  if (raw.build !== undefined && typeof raw.build !== "string" && raw.build.context === undefined) raw.build = { ...raw.build, context: "." };
  const repositoryPath = raw.build === undefined ? undefined : typeof raw.build === "string" ? raw.build.trim() : raw.build.context?.trim();
  const stated = (Array.isArray(raw.depends_on) ? raw.depends_on.length : raw.depends_on ? Object.keys(raw.depends_on).length : 0) + (raw.links?.length ?? 0);
  if (stated > COMPOSE_LIMITS.dependenciesPerService) {
    reader.failAt(at(raw.depends_on ? "depends_on" : "links"), `${composeName} states ${stated.toLocaleString("en-US")} dependencies (depends_on and links); a service may state at most ${COMPOSE_LIMITS.dependenciesPerService.toLocaleString("en-US")}.`);
  }

  const target = (name: string, path: (string | number)[]) => {
    const found = names.get(name);
    if (found === undefined) reader.failAt(path, `${name} is not a service of this file.`);
    if (name === composeName) reader.failAt(path, `a service cannot depend on itself.`);
    return found;
  };
  const depends: string[] = [];
  if (Array.isArray(raw.depends_on)) raw.depends_on.forEach((n, i) => depends.push(target(n, at("depends_on", i))));
  else if (raw.depends_on) for (const n of Object.keys(raw.depends_on)) depends.push(target(n, at("depends_on", n)));
  (raw.links ?? []).forEach((link, i) => depends.push(target(link.split(":")[0].trim(), at("links", i))));

  const envName = (e: string | number) => String(e).split("=")[0].trim();
  const environment = Array.isArray(raw.environment) ? raw.environment.map(envName).filter(Boolean) : Object.keys(raw.environment ?? {});
  const devices = raw.deploy?.resources?.reservations?.devices ?? [];
  let extendsName: string | undefined;
  if (raw.extends !== undefined) {
    if (typeof raw.extends !== "string" && raw.extends.file !== undefined) {
      reader.failAt(at("extends", "file"), `extends.file names another file (${raw.extends.file}); only services of this file can be extended. Import the other file's services from that file, or copy what this service needs.`);
    }
    extendsName = typeof raw.extends === "string" ? raw.extends : raw.extends.service;
    if (!names.has(extendsName)) reader.failAt(at("extends"), `${extendsName} is not a service of this file.`);
  }
  const ports = (raw.ports ?? []).map(portText);
  const networks = Array.isArray(raw.networks) ? raw.networks : Object.keys(raw.networks ?? {});
  // What the service form would refuse is refused here, where it is written.
  const places: RuntimePlaces = {
    ports: placesOf(ports.map((p, i) => [p, ["ports", i]])),
    profiles: placesOf((raw.profiles ?? []).map((p, i) => [p, ["profiles", i]])),
    networks: placesOf(networks.map((n, i) => [n, ["networks", Array.isArray(raw.networks) ? i : n]])),
    environment: placesOf(Array.isArray(raw.environment) ? raw.environment.map((e, i) => [envName(e), ["environment", i]]) : environment.map((e) => [e, ["environment", e]])),
  };
  const runtime = { ports, profiles: raw.profiles ?? [], networks, environment: unique(environment) };
  const problem = serviceFieldProblem(raw, { image: raw.image?.trim(), repositoryPath, runtime }, places);
  if (problem) reader.failAt(["services", composeName, ...problem.path], problem.message);
  return {
    image: raw.image?.trim(),
    repositoryPath,
    ports,
    profiles: raw.profiles,
    networks,
    environment: runtime.environment,
    dependsOn: depends,
    gpu: raw.gpus !== undefined || devices.some((d) => d.capabilities?.includes("gpu")),
    extends: extendsName,
  };
}

/** Applies `extends` (a chain within the file), refusing a cycle with the chain named. */
function resolveExtends(reader: Reader, own: Map<string, Own>): Map<string, Own> {
  const done = new Map<string, Own>();
  const resolve = (name: string, chain: string[]): Own => {
    const cached = done.get(name);
    if (cached) return cached;
    const self = own.get(name)!;
    if (!self.extends) {
      done.set(name, self);
      return self;
    }
    if (chain.includes(name)) {
      const cycle = [...chain.slice(chain.indexOf(name)), name];
      reader.failAt(["services", cycle[0], "extends"], `extends goes round in a circle: ${cycle.join(" → ")}.`);
    }
    const base = resolve(self.extends, [...chain, name]);
    const merged: Own = {
      image: self.image ?? base.image,
      repositoryPath: self.repositoryPath ?? base.repositoryPath,
      ports: unique([...base.ports, ...self.ports]),
      profiles: self.profiles ?? base.profiles,
      networks: unique([...base.networks, ...self.networks]),
      environment: unique([...base.environment, ...self.environment]),
      dependsOn: [...base.dependsOn, ...self.dependsOn],
      gpu: self.gpu || base.gpu,
    };
    done.set(name, merged);
    return merged;
  };
  for (const name of own.keys()) resolve(name, []);
  return done;
}

/** The form a value was expected in, from the key nearest the failing value. */
function expectedAt(path: readonly PropertyKey[]): string {
  const keys = path.filter((p): p is string => typeof p === "string");
  if (path.length === 2 && path[0] === "services") return EXPECTED.service;
  // Own keys only: a map key like `constructor` must not find Object.prototype's.
  for (let i = keys.length - 1; i >= 0; i--) if (Object.hasOwn(EXPECTED, keys[i]) && !(i === 1 && keys[0] === "services")) return EXPECTED[keys[i]];
  return "another form";
}

/** Reads a compose file, or throws an ImportFileError naming the file, line and column. */
export function readCompose(text: string, options: { filename: string }): ComposeFile {
  const file = readYaml(text, { ...options, maxAliasCount: COMPOSE_LIMITS.aliasUses });
  const reader: Reader = new Reader(text, file, options.filename);
  const root = file.value;
  if (!isMap(root)) reader.fail("a compose file is a map of top-level keys (services:, networks:, …).", file.positionOf([]));
  checkKeys(reader, root, TOP_KEY_SET, [], "top-level");
  if (!isMap(root.services)) {
    if (root.services === undefined) reader.fail("the file has no services: map; a compose file lists its services under services:.", file.positionOf([]));
    reader.failAt(["services"], `expected ${EXPECTED.services}.`);
  }
  const composeNames = Object.keys(root.services);
  if (composeNames.length > COMPOSE_LIMITS.services) {
    reader.fail(`the file has ${composeNames.length.toLocaleString("en-US")} services; an import takes at most ${COMPOSE_LIMITS.services.toLocaleString("en-US")}.`, file.positionOf(["services"]));
  }
  for (const name of composeNames) {
    const value = root.services[name];
    if (!isMap(value)) reader.failAt(["services", name], `expected ${EXPECTED.service}.`);
    checkKeys(reader, value, SERVICE_KEY_SET, ["services", name], "service");
  }
  const parsed = composeSchema.safeParse(root);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    reader.failAt(path, issue.code === "invalid_value" ? issue.message : `expected ${expectedAt(issue.path)}.`);
  }

  // Catalog names, each once.
  const names = new Map<string, string>();
  const byCatalogName = new Map<string, string>();
  for (const composeName of composeNames) {
    const name = catalogName(composeName);
    const check = serviceNameSchema.safeParse(name);
    if (!check.success) {
      const why = check.error.issues[0]?.message ?? "is not a DNS-safe name";
      const detail = why.replace(/^Name /, "").replace(/\.?$/, ".");
      reader.fail(`services: the service name ${composeName}${name !== composeName ? ` (${name} in the catalog)` : ""} cannot be a catalog name: it ${detail}`, reader.keyPosition(["services"], composeName));
    }
    const clash = byCatalogName.get(check.data);
    if (clash !== undefined) reader.fail(`services: ${clash} and ${composeName} would both be ${check.data} in the catalog; rename one of them.`, reader.keyPosition(["services"], composeName));
    byCatalogName.set(check.data, composeName);
    names.set(composeName, check.data);
  }

  const own = new Map<string, Own>();
  let dependencies = 0;
  for (const composeName of composeNames) {
    const fields = ownFields(reader, composeName, parsed.data.services[composeName], names);
    dependencies += fields.dependsOn.length;
    if (dependencies > COMPOSE_LIMITS.dependencies) {
      const where = fields.dependsOn.length ? ["services", composeName, parsed.data.services[composeName].depends_on ? "depends_on" : "links"] : ["services", composeName];
      reader.failAt(where, `the file states more than ${COMPOSE_LIMITS.dependencies.toLocaleString("en-US")} dependencies (depends_on and links) by this service; an import takes at most ${COMPOSE_LIMITS.dependencies.toLocaleString("en-US")} in one file.`);
    }
    own.set(composeName, fields);
  }
  const resolved = resolveExtends(reader, own);
  // extends adds the base's lists to a service's own: the sums must be what one service may state.
  let withExtends = 0;
  for (const [composeName, s] of resolved) {
    withExtends += unique(s.dependsOn).length;
    if (!own.get(composeName)!.extends) continue;
    if (withExtends > COMPOSE_LIMITS.dependencies) {
      reader.failAt(["services", composeName, "extends"], `with what the services extend, the file states more than ${COMPOSE_LIMITS.dependencies.toLocaleString("en-US")} dependencies by this service; an import takes at most ${COMPOSE_LIMITS.dependencies.toLocaleString("en-US")} in one file.`);
    }
    const dependsOn = unique(s.dependsOn);
    if (dependsOn.length > COMPOSE_LIMITS.dependenciesPerService) {
      reader.failAt(["services", composeName, "extends"], `${composeName} depends on ${dependsOn.length.toLocaleString("en-US")} services with what it extends; a service may depend on at most ${COMPOSE_LIMITS.dependenciesPerService.toLocaleString("en-US")}.`);
    }
    const problem = serviceFieldProblem({}, { runtime: { ports: s.ports, profiles: s.profiles ?? [], networks: s.networks, environment: s.environment } }, { ports: new Map(), profiles: new Map(), networks: new Map(), environment: new Map() });
    if (problem) reader.failAt(["services", composeName, "extends"], `with what it extends, ${problem.message}`);
  }

  const services = composeNames.map((composeName): ComposeService => {
    const s = resolved.get(composeName)!;
    const containerPorts = s.ports.map(containerPort).filter((p): p is number => p !== undefined);
    return {
      name: names.get(composeName)!,
      composeName,
      ...(s.image ? { image: s.image } : {}),
      ...(s.repositoryPath !== undefined ? { repositoryPath: s.repositoryPath } : {}),
      ports: s.ports,
      profiles: s.profiles ?? [],
      networks: s.networks,
      environment: s.environment,
      dependsOn: unique(s.dependsOn),
      suggestion: suggestLayer({ name: composeName, image: s.image, containerPorts, gpu: s.gpu }),
    };
  });
  return { ...(parsed.data.name ? { name: parsed.data.name } : {}), services };
}
