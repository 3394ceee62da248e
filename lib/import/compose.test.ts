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
    ["a long image", `services:\n  a:\n    image: ${"x".repeat(600)}\n`, /line 3, column 5: services\.a\.image: the image is longer than 500 characters/],
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
