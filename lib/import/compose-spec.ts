// The Compose specification's keys (compose-spec.io, services and top level) and a zod schema of
// the part of them the import reads. Keys it does not read are still known, so that real files
// pass; a key the specification does not have (a typo like `imagee`) is refused by
// lib/import/compose.ts naming it. Pure.
import { z } from "zod";

export const TOP_LEVEL_KEYS = ["version", "name", "include", "services", "networks", "volumes", "configs", "secrets", "models"] as const;

export const SERVICE_KEYS = [
  "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command", "configs",
  "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares",
  "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt",
  "dns_search", "domainname", "driver_opts", "entrypoint", "env_file", "environment", "expose", "extends", "external_links",
  "extra_hosts", "gpus", "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "label_file", "labels",
  "links", "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models",
  "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start",
  "pre_stop", "privileged", "profiles", "provider", "pull_policy", "read_only", "restart", "runtime", "scale", "secrets",
  "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty",
  "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes", "volumes_from", "working_dir",
] as const;

/** Extension keys (x-anything) are allowed wherever the specification allows them. */
export const isExtensionKey = (key: string) => key.startsWith("x-");

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const stringList = z.array(z.string());

/** The forms each key read here may take, in words for the error message. */
export const EXPECTED: Record<string, string> = {
  name: "a project name (text)",
  services: "a map of services by name",
  service: "a map of the service's settings",
  image: "an image reference (text)",
  build: "a build context (text) or a map with context",
  depends_on: "a list of service names, or a map of service names to {condition, restart, required}",
  links: 'a list of "service" or "service:alias"',
  networks: "a list of network names, or a map of network names to their settings",
  ports: 'a list of ports: "8080:80", 8080, or {target, published, protocol}',
  profiles: "a list of profile names",
  extends: "a service name, or {service: name}",
  environment: 'a list of "NAME=value" or a map of NAME: value',
  deploy: "a map of deployment settings",
  gpus: '"all" or a list of devices',
};

const portLong = z.looseObject({
  target: z.union([z.number(), z.string()]),
  published: z.union([z.number(), z.string()]).optional(),
  protocol: z.string().optional(),
  host_ip: z.string().optional(),
});

const dependsLong = z.union([
  z.null(),
  z.looseObject({ condition: z.enum(["service_started", "service_healthy", "service_completed_successfully"]).optional(), restart: z.boolean().optional(), required: z.boolean().optional() }),
]);

const devices = z.array(z.looseObject({ capabilities: z.array(z.string()).optional(), driver: z.string().optional() }));

/** One service, as far as the import reads it; other known keys pass as they are. */
export const serviceSchema = z.looseObject({
  image: z.string().optional(),
  build: z.union([z.string(), z.looseObject({ context: z.string().optional() })]).optional(),
  depends_on: z.union([stringList, z.record(z.string(), dependsLong)]).optional(),
  links: stringList.optional(),
  networks: z.union([stringList, z.record(z.string(), z.unknown())]).optional(),
  ports: z.array(z.union([z.string(), z.number(), portLong])).optional(),
  profiles: stringList.optional(),
  extends: z.union([z.string(), z.looseObject({ service: z.string(), file: z.string().optional() })]).optional(),
  environment: z.union([z.array(z.union([z.string(), z.number()])), z.record(z.string(), scalar)]).optional(),
  deploy: z.union([z.null(), z.looseObject({ resources: z.looseObject({ reservations: z.looseObject({ devices: devices.optional() }).optional() }).optional() })]).optional(),
  gpus: z.union([z.string(), z.array(z.unknown())]).optional(),
});
export type RawService = z.infer<typeof serviceSchema>;

export const composeSchema = z.looseObject({
  name: z.string().optional(),
  version: z.union([z.string(), z.number()]).optional(),
  services: z.record(z.string(), serviceSchema),
});
