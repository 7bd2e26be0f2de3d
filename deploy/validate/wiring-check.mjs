// The pieces must fit together, not only each be valid: a service URL a service is given names a
// Service (or compose service) that exists, on a port it serves, backed by pods that listen on
// it; probes, HPAs, PDBs and the Ingress point at things that exist; every Luoshi container
// listens where its configuration says (application.properties' quarkus.http.port, or
// QUARKUS_HTTP_PORT), and its management interface too (quarkus.management.port, or
// QUARKUS_MANAGEMENT_PORT): its health probes and its metrics' scrape annotation must use that port,
// as health and metrics are not on the public one (issue #24).
import { moduleOfImage, podSpecOf } from "./env-check.mjs";

const SERVICE_URL = /^LUOSHI_SERVICES_[A-Z0-9_]+$/;

export function checkKubernetesWiring(objects, config) {
  const problems = [];
  const workloads = objects.filter((o) => podSpecOf(o));
  const configMap = (name, ns) => objects.find((o) => o.kind === "ConfigMap" && o.metadata?.name === name && o.metadata?.namespace === ns);
  const selects = (selector, labels) => selector && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

  /** Problems of reaching `port` of the Service `name` from inside the namespace. */
  const reach = (name, port, ns, from) => {
    const service = objects.find((o) => o.kind === "Service" && o.metadata?.name === name && o.metadata?.namespace === ns);
    if (!service) return [`${from}: no Service ${name}`];
    if (service.spec?.type === "ExternalName") return [];
    const sp = (service.spec?.ports ?? []).find((p) => p.port === port || (typeof port === "string" && p.name === port));
    if (!sp) return [`${from}: Service ${name} has no port ${port}`];
    const backends = workloads.filter((w) => w.metadata?.namespace === ns && selects(service.spec?.selector, w.spec?.template?.metadata?.labels));
    if (backends.length === 0) return [`${from}: Service ${name} selects no pods`];
    const target = sp.targetPort ?? sp.port;
    const listens = backends.some((w) => podSpecOf(w).containers.some((c) => (c.ports ?? []).some(
      (cp) => (typeof target === "string" ? cp.name === target : cp.containerPort === target))));
    return listens ? [] : [`${from}: the pods of Service ${name} have no container port ${target}`];
  };

  for (const w of workloads) {
    const ns = w.metadata?.namespace;
    for (const c of podSpecOf(w).containers ?? []) {
      const where = `${w.kind}/${w.metadata?.name} container ${c.name}`;
      const portNames = new Set((c.ports ?? []).map((p) => p.name).filter(Boolean));
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = c[probe]?.httpGet?.port;
        if (typeof port === "string" && !portNames.has(port)) problems.push(`${where}: ${probe} uses port ${port}, which the container does not name`);
      }
      const module = moduleOfImage(c.image);
      if (!module || !config.has(module)) continue;
      const env = new Map();
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) for (const [k, v] of Object.entries(configMap(from.configMapRef.name, ns)?.data ?? {})) env.set(`${from.prefix ?? ""}${k}`, v);
      }
      for (const e of c.env ?? []) if (e.value !== undefined) env.set(e.name, e.value);
      const listen = Number(env.get("QUARKUS_HTTP_PORT") ?? config.get(module).port);
      if (!(c.ports ?? []).some((p) => p.containerPort === listen)) problems.push(`${where}: ${module} listens on ${listen}, which is no containerPort`);
      const management = Number(env.get("QUARKUS_MANAGEMENT_PORT") ?? config.get(module).managementPort);
      if (!(c.ports ?? []).some((p) => p.containerPort === management)) problems.push(`${where}: ${module}'s management interface listens on ${management}, which is no containerPort`);
      const portNumber = (port) => (typeof port === "string" ? (c.ports ?? []).find((p) => p.name === port)?.containerPort : Number(port));
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const get = c[probe]?.httpGet;
        if (get && String(get.path ?? "").startsWith("/q/health") && portNumber(get.port) !== management) {
          problems.push(`${where}: ${probe} asks ${get.path} on port ${get.port}, but health is on the management port ${management} only`);
        }
      }
      const annotations = w.spec?.template?.metadata?.annotations ?? {};
      if (annotations["prometheus.io/scrape"] === "true" && Number(annotations["prometheus.io/port"]) !== management) {
        problems.push(`${where}: prometheus.io/port ${annotations["prometheus.io/port"]} is not the management port ${management}, where the metrics are`);
      }
      for (const [name, value] of env) {
        if (!SERVICE_URL.test(name)) continue;
        const url = parseUrl(value);
        if (!url) problems.push(`${where}: ${name}=${value} is no http URL`);
        else problems.push(...reach(url.host, url.port, ns, `${where}: ${name}=${value}`));
      }
    }
  }
  for (const o of objects) {
    const ns = o.metadata?.namespace;
    const where = `${o.kind}/${o.metadata?.name}`;
    if (o.kind === "HorizontalPodAutoscaler") {
      const t = o.spec?.scaleTargetRef;
      if (!objects.some((w) => w.kind === t?.kind && w.metadata?.name === t?.name && w.metadata?.namespace === ns)) problems.push(`${where}: scales ${t?.kind}/${t?.name}, which is not declared`);
    }
    if (o.kind === "PodDisruptionBudget" && !workloads.some((w) => w.metadata?.namespace === ns && selects(o.spec?.selector?.matchLabels, w.spec?.template?.metadata?.labels))) {
      problems.push(`${where}: selects no pods`);
    }
    if (o.kind === "Ingress") {
      for (const rule of o.spec?.rules ?? []) for (const p of rule.http?.paths ?? []) {
        const s = p.backend?.service;
        if (s) problems.push(...reach(s.name, s.port?.number ?? s.port?.name, ns, `${where}`));
      }
    }
  }
  return problems;
}

export function checkComposeWiring(doc, config) {
  const problems = [];
  const services = doc.services ?? {};
  const portOf = (s, management = false) => {
    const module = s.build?.args?.MODULE ?? moduleOfImage(s.image);
    const env = Array.isArray(s.environment) ? Object.fromEntries(s.environment.map((e) => String(e).split("="))) : s.environment ?? {};
    return management ? Number(env.QUARKUS_MANAGEMENT_PORT ?? s.build?.args?.MANAGEMENT_PORT ?? config.get(module)?.managementPort)
      : Number(env.QUARKUS_HTTP_PORT ?? s.build?.args?.PORT ?? config.get(module)?.port);
  };
  for (const [name, s] of Object.entries(services)) {
    const module = s.build?.args?.MODULE ?? moduleOfImage(s.image);
    if (!module || !config.has(module)) continue;
    const env = Array.isArray(s.environment) ? Object.fromEntries(s.environment.map((e) => String(e).split("="))) : s.environment ?? {};
    if (s.build?.args?.PORT && Number(s.build.args.PORT) !== config.get(module).port && !env.QUARKUS_HTTP_PORT) {
      problems.push(`service ${name}: build arg PORT ${s.build.args.PORT} differs from ${module}'s quarkus.http.port ${config.get(module).port}`);
    }
    for (const [key, value] of Object.entries(env)) {
      if (SERVICE_URL.test(key)) {
        const url = parseUrl(value);
        if (!url) problems.push(`service ${name}: ${key}=${value} is no http URL`);
        else if (!services[url.host]) problems.push(`service ${name}: ${key}=${value} names no service`);
        else {
          const target = portOf(services[url.host], /_MANAGEMENT_URL$/.test(key));
          if (target !== url.port) problems.push(`service ${name}: ${key}=${value}, but ${url.host} listens on ${target}`);
        }
      }
      if (key === "LUOSHI_DB_HOST" && !services[value] && !value.includes(".")) problems.push(`service ${name}: LUOSHI_DB_HOST=${value} names no service`);
    }
    for (const p of s.ports ?? []) {
      const container = Number(String(typeof p === "object" ? p.target : p).split(":").pop().split("/")[0]);
      if (container !== portOf(s)) problems.push(`service ${name}: publishes container port ${container}, but ${module} listens on ${portOf(s)}`);
    }
  }
  return problems;
}

function parseUrl(value) {
  const m = /^https?:\/\/([a-z0-9.-]+)(?::(\d+))?(?:\/.*)?$/.exec(String(value));
  if (!m) return null;
  return { host: m[1], port: m[2] ? Number(m[2]) : String(value).startsWith("https") ? 443 : 80 };
}
