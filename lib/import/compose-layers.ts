// Which layer a service from a compose file probably belongs to, and why, from what the file says
// about it: its image, its name, a GPU reservation, the ports it listens on. The preview shows the
// reason beside the suggestion and lets a person change it; nothing here is final. Also the kind of
// a dependency (calls, reads, publishes) from what it points at. Pure.
import type { SERVICE_LAYERS } from "@/lib/validation/service";

export type ServiceLayer = (typeof SERVICE_LAYERS)[number];

export type LayerSuggestion = { layer: ServiceLayer; reason: string; broker: boolean };

/** What the suggestion reads about one service. */
export type LayerFacts = {
  /** The name as the file writes it (api_server). */
  name: string;
  /** The image as written; ${VAR:-default} is read as its default. */
  image?: string;
  /** Container ports the service listens on. */
  containerPorts: number[];
  /** deploy.resources.reservations.devices asks for a GPU, or `gpus:` is set. */
  gpu: boolean;
};

// Image repository names (the last path segment, tag dropped), exactly.
const DATA_IMAGES = /^(postgres(ql)?|pgvector|timescaledb|postgis|mysql|mariadb|percona|redis(-stack(-server)?)?|valkey|keydb|dragonfly|mongo(db)?|mongodb-community-server|minio|vespa|elasticsearch|opensearch|qdrant|weaviate|milvus|chroma(db)?|clickhouse(-server)?|cassandra|scylla|memcached|couchdb|neo4j|influxdb|etcd|cockroach|meilisearch|typesense|solr|questdb|dynamodb-local|localstack)$/;
const BROKER_IMAGES = /^(rabbitmq|kafka|cp-kafka|cp-server|redpanda|nats|nats-streaming|activemq|artemis|pulsar|zookeeper|cp-zookeeper|mosquitto|emqx)$/;
const GATEWAY_IMAGES = /^(nginx|nginx-unprivileged|openresty|traefik|kong|kong-gateway|envoy|haproxy|caddy|apisix|tyk-gateway|krakend|oauth2-proxy)$/;
const MODEL_IMAGES = /^(tritonserver|vllm-openai|vllm|text-generation-inference|text-embeddings-inference|ollama|kserve.*|torchserve|tensorflow-serving|serving|llama\.cpp|localai|infinity|xinference|ray-ml)$/;

// Words of the service name or the image name (split on - _ . /), in the order they are tried.
const MODEL_WORDS = ["model", "models", "inference", "triton", "vllm", "tgi", "ollama", "kserve", "embedding", "embeddings", "embedder", "llm", "predictor", "serving"];
const WORKER_WORDS = ["worker", "workers", "celery", "celeryworker", "background", "consumer", "consumers", "queue", "scheduler", "beat", "cron", "jobs", "flower"];
const GATEWAY_WORDS = ["gateway", "proxy", "ingress", "nginx", "traefik", "kong", "envoy", "haproxy", "caddy", "lb", "loadbalancer"];
const API_WORDS = ["api", "backend", "server", "rest", "graphql", "grpc"];
const DATA_WORDS = ["db", "database", "postgres", "postgresql", "mysql", "mariadb", "redis", "cache", "mongo", "mongodb", "minio", "vespa", "elasticsearch", "qdrant", "rabbitmq", "kafka", "broker", "nats"];
const BROKER_WORDS = ["rabbitmq", "kafka", "broker", "nats"];

const GATEWAY_PORTS = [80, 443];
const DATA_PORTS: Record<number, string> = { 5432: "PostgreSQL", 3306: "MySQL", 6379: "Redis", 27017: "MongoDB", 9200: "Elasticsearch", 6333: "Qdrant", 11211: "memcached", 5672: "AMQP", 9092: "Kafka", 4222: "NATS", 8123: "ClickHouse" };
const BROKER_PORTS = [5672, 9092, 4222];

/** ${VAR:-default} and ${VAR-default} read as the default, ${VAR} as nothing (for matching only). */
export function interpolateDefaults(value: string): string {
  let out = value;
  // Innermost first, a bounded number of rounds (nesting is rare and shallow).
  for (let i = 0; i < 8 && out.includes("${"); i++) {
    const next = out.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-?+]([^${}]*))?\}/g, (_m, fallback: string | undefined) => fallback ?? "");
    if (next === out) break;
    out = next;
  }
  return out;
}

/** The repository name of an image: "ghcr.io/org/render-worker:1.8" → "render-worker". */
export function imageRepository(image: string): string {
  const plain = interpolateDefaults(image).trim().toLowerCase();
  const noDigest = plain.split("@")[0];
  const last = noDigest.split("/").pop() ?? "";
  return last.split(":")[0];
}

const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

function firstWord(list: string[], found: string[]): string | undefined {
  return list.find((w) => found.includes(w));
}

/** The suggested layer and the reason, as the preview shows it ("image postgres:15"). */
export function suggestLayer(facts: LayerFacts): LayerSuggestion {
  const image = facts.image ? interpolateDefaults(facts.image).trim() : "";
  const repo = image ? imageRepository(image) : "";
  const shownImage = image || facts.image || "";
  if (repo && BROKER_IMAGES.test(repo)) return { layer: "data", reason: `image ${shownImage} (a message broker)`, broker: true };
  if (repo && DATA_IMAGES.test(repo)) return { layer: "data", reason: `image ${shownImage}`, broker: false };
  if (repo && GATEWAY_IMAGES.test(repo)) return { layer: "gateway", reason: `image ${shownImage}`, broker: false };
  if (repo && MODEL_IMAGES.test(repo)) return { layer: "model", reason: `image ${shownImage}`, broker: false };
  if (facts.gpu) return { layer: "model", reason: "reserves a GPU", broker: false };

  const nameWords = words(facts.name);
  const imageWords = words(repo);
  const byWords = (list: string[]): string | undefined => {
    if (firstWord(list, nameWords)) return `name ${facts.name}`;
    // A database's image is recognised exactly (above): "postgres-meta" is not a database.
    const inImage = list !== DATA_WORDS && firstWord(list, imageWords);
    return inImage ? `image ${shownImage}` : undefined;
  };
  const rules: [ServiceLayer, string[]][] = [
    ["model", MODEL_WORDS],
    ["worker", WORKER_WORDS],
    ["gateway", GATEWAY_WORDS],
    ["api", API_WORDS],
    ["data", DATA_WORDS],
  ];
  for (const [layer, list] of rules) {
    const reason = byWords(list);
    if (reason) return { layer, reason, broker: layer === "data" && Boolean(firstWord(BROKER_WORDS, [...nameWords, ...imageWords])) };
  }
  const gatewayPort = facts.containerPorts.find((p) => GATEWAY_PORTS.includes(p));
  if (gatewayPort !== undefined) return { layer: "gateway", reason: `listens on port ${gatewayPort}`, broker: false };
  const dataPort = facts.containerPorts.find((p) => Object.hasOwn(DATA_PORTS, p));
  if (dataPort !== undefined) return { layer: "data", reason: `listens on port ${dataPort} (${DATA_PORTS[dataPort]})`, broker: BROKER_PORTS.includes(dataPort) };
  return { layer: "service", reason: "nothing in its name, image or ports points elsewhere", broker: false };
}

export type DependencyKind = "calls" | "reads" | "publishes";

/**
 * The kind of a dependency on `target`: a message broker is published to, a worker is handed jobs
 * (publishes), a database, cache or object store is read (reads), anything else is called.
 */
export function dependencyKind(target: { layer: ServiceLayer; broker: boolean }): DependencyKind {
  if (target.broker) return "publishes";
  if (target.layer === "worker") return "publishes";
  if (target.layer === "data") return "reads";
  return "calls";
}
