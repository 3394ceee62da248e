import { describe, expect, it } from "vitest";
import { dependencyKind, imageRepository, interpolateDefaults, suggestLayer } from "./compose-layers";

const suggest = (name: string, image?: string, containerPorts: number[] = [], gpu = false) => suggestLayer({ name, image, containerPorts, gpu });

describe("suggestLayer", () => {
  it.each([
    ["nginx", "nginx:1.25.5-alpine", "gateway", "image nginx:1.25.5-alpine"],
    ["proxy", "traefik:v3.0", "gateway", "image traefik:v3.0"],
    ["kong", "kong:2.8.1", "gateway", "image kong:2.8.1"],
    ["ai-gateway", "ghcr.io/legible-demo/ai-gateway:2.7.1", "gateway", "name ai-gateway"],
    ["api_server", "${ONYX_BACKEND_IMAGE:-onyxdotapp/onyx-backend:${IMAGE_TAG:-latest}}", "api", "name api_server"],
    ["backend", "langflowai/langflow-backend:latest", "api", "name backend"],
    ["rest", "postgrest/postgrest:v12", "api", "name rest"],
    ["storage", "supabase/storage-api:v1.44.2", "api", "image supabase/storage-api:v1.44.2"],
    ["inference_model_server", "onyxdotapp/onyx-model-server", "model", "name inference_model_server"],
    ["llm", "vllm/vllm-openai:v0.6", "model", "image vllm/vllm-openai:v0.6"],
    ["ollama", "ollama/ollama", "model", "image ollama/ollama"],
    ["background", undefined, "worker", "name background"],
    ["celeryworker", "langflowai/langflow-backend:latest", "worker", "name celeryworker"],
    ["render-worker", "ghcr.io/legible-demo/render-worker:1.8.3", "worker", "name render-worker"],
    ["relational_db", "postgres:15.2-alpine", "data", "image postgres:15.2-alpine"],
    ["db", "supabase/postgres:15.8.1.085", "data", "image supabase/postgres:15.8.1.085"],
    ["cache", "redis:7.4-alpine", "data", "image redis:7.4-alpine"],
    ["index", "vespaengine/vespa:8.609.39", "data", "image vespaengine/vespa:8.609.39"],
    ["object-store", "quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z", "data", "image quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z"],
    ["broker", "rabbitmq:3-management", "data", "image rabbitmq:3-management (a message broker)"],
    // Not a database, though its image names one; not a gateway, though its name ends in "proxy".
    ["meta", "supabase/postgres-meta:v0.91.0", "service", "nothing in its name, image or ports points elsewhere"],
    ["imgproxy", "darthsim/imgproxy:v3.8.0", "service", "nothing in its name, image or ports points elsewhere"],
  ])("%s (%s) → %s", (name, image, layer, reason) => {
    expect(suggest(name, image)).toMatchObject({ layer, reason });
  });

  it("reads a GPU reservation and ports when name and image say nothing", () => {
    expect(suggest("floorplan-generator", "ghcr.io/x/floorplan-generator:1", [8000], true)).toMatchObject({ layer: "model", reason: "reserves a GPU" });
    expect(suggest("edge", "example/edge", [443])).toMatchObject({ layer: "gateway", reason: "listens on port 443" });
    expect(suggest("pooler", "example/pooler", [5432])).toMatchObject({ layer: "data", reason: "listens on port 5432 (PostgreSQL)", broker: false });
    expect(suggest("bus", "example/bus", [5672])).toMatchObject({ layer: "data", broker: true });
    expect(suggest("code-interpreter", "onyxdotapp/code-interpreter")).toMatchObject({ layer: "service" });
  });
});

describe("dependencyKind", () => {
  it("publishes to a broker or a worker, reads a data store, calls anything else", () => {
    expect(dependencyKind({ layer: "data", broker: true })).toBe("publishes");
    expect(dependencyKind({ layer: "worker", broker: false })).toBe("publishes");
    expect(dependencyKind({ layer: "data", broker: false })).toBe("reads");
    expect(dependencyKind({ layer: "model", broker: false })).toBe("calls");
    expect(dependencyKind({ layer: "api", broker: false })).toBe("calls");
  });
});

describe("image names", () => {
  it("reads ${VAR:-default} as its default and drops registry, tag and digest", () => {
    expect(interpolateDefaults("${A:-onyx/backend:${TAG:-latest}}")).toBe("onyx/backend:latest");
    expect(interpolateDefaults("${A}x${B-y}")).toBe("xy");
    expect(imageRepository("ghcr.io/org/render-worker:1.8@sha256:abc")).toBe("render-worker");
    expect(imageRepository("localhost:5000/postgres")).toBe("postgres");
  });
});
