import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogName, containerPort, readCompose } from "./compose";

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "tests", "fixtures", "real", name), "utf8");
const read = (text: string) => readCompose(text, { filename: "compose.yaml" });
const edges = (file: ReturnType<typeof read>) => file.services.flatMap((s) => s.dependsOn.map((to) => `${s.name}→${to}`));

describe("readCompose on real files", () => {
  it("onyx: 12 services, 15 depends_on edges, names made DNS-safe, layers suggested", () => {
    const file = read(fixture("compose-onyx.yml"));
    expect(file.name).toBe("onyx");
    expect(file.services).toHaveLength(12);
    expect(edges(file)).toHaveLength(15);
    const layers = Object.fromEntries(file.services.map((s) => [s.name, s.suggestion.layer]));
    expect(layers).toEqual({
      "api-server": "api", background: "worker", "web-server": "api", "mcp-server": "api", "inference-model-server": "model", "indexing-model-server": "model",
      "relational-db": "data", index: "data", nginx: "gateway", cache: "data", minio: "data", "code-interpreter": "service",
    });
    const api = file.services.find((s) => s.name === "api-server")!;
    expect(api).toMatchObject({ composeName: "api_server", repositoryPath: "../../backend", ports: ["8080:8080"] });
    expect(api.environment).toContain("S3_AWS_SECRET_ACCESS_KEY");
    expect(JSON.stringify(file)).not.toContain("minioadmin");
  });

  it("langflow: merge keys give celeryworker and flower the backend's dependencies (9 edges)", () => {
    const file = read(fixture("compose-langflow.yml"));
    expect(file.services).toHaveLength(11);
    expect(edges(file)).toHaveLength(9);
    expect(file.services.find((s) => s.name === "celeryworker")).toMatchObject({ dependsOn: ["db", "broker", "result-backend"], image: "langflowai/langflow-backend:latest" });
    expect(file.services.find((s) => s.name === "proxy")!.networks).toEqual(["${TRAEFIK_PUBLIC_NETWORK?Variable not set}", "default"]);
  });

  it("supabase: 13 services, 18 edges in the long form", () => {
    const file = read(fixture("compose-supabase.yml"));
    expect(file.services).toHaveLength(13);
    expect(edges(file)).toHaveLength(18);
    expect(file.services.find((s) => s.name === "kong")!.suggestion.layer).toBe("gateway");
  });
});

describe("readCompose", () => {
  it("applies extends within the file, child first, and reads every port and dependency form", () => {
    const file = read(`
x-common: &common
  environment:
    LOG_LEVEL: info
services:
  base:
    <<: *common
    image: example/base:1
    ports: ["8000"]
    profiles: [core]
  api:
    extends: base
    build: { context: services/api }
    ports:
      - target: 8080
        published: 80
        protocol: udp
      - 9000
    environment: [SECRET=hunter2, PLAIN]
    links: ["db:database"]
    depends_on:
      base: { condition: service_started, required: false }
    networks: { front: {}, back: null }
    deploy: { resources: { reservations: { devices: [{ capabilities: [gpu] }] } } }
  db:
    image: postgres:16
`);
    const api = file.services.find((s) => s.name === "api")!;
    expect(api).toMatchObject({
      image: "example/base:1",
      repositoryPath: "services/api",
      ports: ["8000", "80:8080/udp", "9000"],
      profiles: ["core"],
      environment: ["LOG_LEVEL", "SECRET", "PLAIN"],
      networks: ["front", "back"],
      dependsOn: ["base", "db"],
      suggestion: { layer: "model", reason: "reserves a GPU" },
    });
    expect(JSON.stringify(file)).not.toContain("hunter2");
  });

  it("maps names to catalog names and reads container ports", () => {
    expect(catalogName("Api_Server.v2")).toBe("api-server-v2");
    expect(containerPort("127.0.0.1:5432:5432/tcp")).toBe(5432);
    expect(containerPort("${PORT:-80}:80")).toBe(80);
    expect(containerPort("8000-8010:8000-8010")).toBe(8000);
    expect(containerPort("${PORT}")).toBeUndefined();
  });

  it.each([
    ["not a map", "- a\n- b\n", /line 1, column 1: a compose file is a map/],
    ["no services", "name: x\n", /has no services: map/],
    ["extends of an unknown service", "services:\n  a:\n    extends: nope\n", /line 3, column 5: services\.a\.extends: nope is not a service of this file/],
    ["a service depending on itself", "services:\n  a:\n    depends_on: [a]\n", /a service cannot depend on itself/],
    ["a bad depends_on condition", "services:\n  a:\n    depends_on:\n      b: { condition: whenever }\n  b: {}\n", /services\.a\.depends_on: expected/],
    ["a name too long", `services:\n  ${"a".repeat(70)}:\n    image: x\n`, /cannot be a catalog name/],
    ["a long image", `services:\n  a:\n    image: ${"x".repeat(600)}\n`, /line 3, column 5: services\.a\.image: Image must be at most 500 characters \(this has 600\)/],
  ])("refuses %s", (_what, text, message) => {
    expect(() => read(text)).toThrow(message);
  });
});

describe("anchors", () => {
  it("take one anchor reused by every service of a large file, and refuse a nested alias bomb", () => {
    const services = Array.from({ length: 1_000 }, (_, i) => `  s${i}:\n    image: x\n    logging: *logging\n`).join("");
    expect(read(`x-logging: &logging\n  driver: json-file\nservices:\n${services}`).services).toHaveLength(1_000);
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f"].map((n, i) => `${n}: &${n} [${Array(9).fill(`*${"abcde"[i]}`).join(", ")}]`)];
    expect(() => read(`${levels.join("\n")}\nservices: {}\n`)).toThrow(/alias/);
  });
});

describe("readCompose: what the service form refuses is refused where it is written", () => {
  const refused = (text: string) => {
    try {
      read(text);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    return "read without error";
  };
  it.each([
    ["a line break in an image", 'services:\n  api:\n    image: "x\\ny"\n', /line 3, column 5: services\.api\.image: Image must be on one line/],
    ["a NUL in an image", 'services:\n  api:\n    image: "x\\0y"\n', /line 3, column 5: services\.api\.image: Image contains a NUL character/],
    ["a text-direction control in an image", 'services:\n  api:\n    image: "x\\u202eevil"\n', /line 3, column 5: services\.api\.image: Image contains an invisible text-direction control character \(U\+202E\)/],
    ["a line break in a build context", 'services:\n  api:\n    build:\n      context: "a\\nb"\n', /line 4, column 7: services\.api\.build\.context: Repository path must be on one line/],
    ["a control in an environment name (map)", 'services:\n  api:\n    image: x\n    environment:\n      OK: 1\n      "A\\u202eB": 2\n', /line 6, column \d+: services\.api\.environment\.A\u202eB: Environment variables contains an invisible text-direction control/],
    ["a control in an environment name (list)", 'services:\n  api:\n    image: x\n    environment: ["OK=1", "A\\u202eB=2"]\n', /line 4, column \d+: services\.api\.environment\[1\]: Environment variables contains/],
    ["a control in a port", 'services:\n  api:\n    image: x\n    ports: ["80:80", "8\\u202e0"]\n', /line 4, column \d+: services\.api\.ports\[1\]: Ports contains/],
    ["a line break in a network", 'services:\n  api:\n    image: x\n    networks: ["a\\nb"]\n', /services\.api\.networks\[0\]: Networks must be on one line/],
    ["a control in a profile", 'services:\n  api:\n    image: x\n    profiles: ["p\\u2066"]\n', /services\.api\.profiles\[0\]: Profiles contains/],
    ["an image over the cap", `services:\n  api:\n    image: ${"x".repeat(1_000)}\n`, /line 3, column 5: services\.api\.image: Image must be at most/],
  ])("refuses %s, naming the service, the field's label, line and column", (_what, text, message) => {
    expect(refused(text)).toMatch(message);
  });
  it("refuses an unstorable value a service gets through extends, at its extends", () => {
    const entries = Array.from({ length: 3_000 }, (_, i) => `E${i}`);
    const text = `services:\n  base:\n    image: x\n    environment: [${entries.join(",")}]\n  api:\n    extends: base\n    environment: [${entries.map((e) => `F${e}`).join(",")}]\n`;
    expect(refused(text)).toMatch(/line 6, column 5: services\.api\.extends: with what it extends, Environment variables can list at most 5,?000/);
  });
});

describe("readCompose: dependencies are capped", () => {
  /** `holders` services s0…, each depending on the same `each` services t0…. */
  const deps = (holders: number, each: number, style: "flow" | "map" = "flow") => {
    const targets = Array.from({ length: each }, (_, j) => `t${j}`);
    const list = style === "flow" ? ` [${targets.join(",")}]` : targets.map((t) => `\n      ${t}: {condition: service_started}`).join("");
    return `services:\n${Array.from({ length: holders }, (_, i) => `  s${i}:\n    image: b\n    depends_on:${list}\n`).join("")}${targets.map((t) => `  ${t}:\n    image: b\n`).join("")}`;
  };
  const refused = (text: string) => {
    try {
      read(text);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    return "read without error";
  };
  it("takes 100 per service and 5,000 in one file, in either form", () => {
    expect(read(deps(50, 100)).services.flatMap((s) => s.dependsOn)).toHaveLength(5_000);
    expect(read(deps(50, 100, "map")).services.flatMap((s) => s.dependsOn)).toHaveLength(5_000);
  });
  it("refuses a service stating more than 100, naming it, its line and column", () => {
    expect(refused(deps(1, 101))).toMatch(/line 4, column 5: services\.s0\.depends_on: s0 states 101 dependencies \(depends_on and links\); a service may state at most 100\./);
    const links = `services:\n  a:\n    image: x\n    links: [${Array.from({ length: 101 }, () => "b").join(",")}]\n  b:\n    image: x\n`;
    expect(refused(links)).toMatch(/line 4, column 5: services\.a\.links: a states 101 dependencies/);
  });
  it("refuses a file stating more than 5,000, naming the service that passes the cap", () => {
    expect(refused(deps(51, 100, "map"))).toMatch(/line 5154, column 5: services\.s50\.depends_on: the file states more than 5,000 dependencies/);
  });
  it("counts what extends adds", () => {
    const list = (from: number) => Array.from({ length: 60 }, (_, j) => `t${from + j}`).join(",");
    const targets = Array.from({ length: 120 }, (_, j) => `  t${j}:\n    image: x\n`).join("");
    const text = `services:\n  base:\n    image: x\n    depends_on: [${list(0)}]\n  api:\n    extends: base\n    depends_on: [${list(60)}]\n${targets}`;
    expect(refused(text)).toMatch(/line 6, column 5: services\.api\.extends: api depends on 120 services with what it extends; a service may depend on at most 100/);
  });
  it("refuses the review's file (1,000 services × 170 dependencies) at its first service", () => {
    const N = 1_000;
    const review = `services:\n${Array.from({ length: N }, (_, i) => `  s${i}:\n    image: b\n    depends_on: [${Array.from({ length: 170 }, (_, j) => `s${(i + j + 1) % N}`).join(",")}]\n`).join("")}`;
    expect(refused(review)).toMatch(/services\.s0\.depends_on: s0 states 170 dependencies/);
  });
});

describe("readCompose: names that are Object.prototype's keys", () => {
  it.each(["constructor", "toString", "hasOwnProperty", "valueOf"])("reads a service named %s as any other (and a depends_on map key of that name)", (name) => {
    const file = read(`services:\n  ${name}:\n    image: postgres:16\n  api:\n    image: x\n    depends_on:\n      ${name}: {condition: service_started}\n`);
    expect(file.services.map((s) => [s.name, s.dependsOn, s.suggestion.layer])).toEqual([[name.toLowerCase(), [], "data"], ["api", [name.toLowerCase()], "api"]]);
  });
  it("refuses __proto__ as a service name, and names a wrong form under a key like constructor by the key's own meaning", () => {
    expect(() => read("services:\n  __proto__:\n    image: x\n")).toThrow(/line 2, column 3: services: the service name __proto__ .* cannot be a catalog name/);
    expect(() => read("services:\n  a:\n    image: x\n    depends_on:\n      constructor: 5\n  constructor:\n    image: x\n")).toThrow(/expected a list of service names, or a map/);
  });
});
