// Every environment variable a manifest or the compose file gives a Luoshi service must be one
// that service reads. The set is derived from the code, never listed by hand:
// - each key of the module's application.properties, and each ${key} its values refer to;
// - each @ConfigMapping interface (prefix + method names, kebab-case) of the module and of the
//   reactor modules it depends on at run time (api, rule-core …: its pom.xml, transitively);
// - the variables the image's ENTRYPOINT expands (deploy/docker/Dockerfile.jvm);
// - the few framework keys the services are documented to read although no file names them yet.
// SmallRye Config's environment rule maps a property to a variable by upper-casing it and turning
// every other character into "_": luoshi.db.host ↔ LUOSHI_DB_HOST.
import fs from "node:fs";
import path from "node:path";

const FRAMEWORK_KEYS = {
  MP_JWT_VERIFY_ISSUER: "read by smallrye-jwt (mp.jwt.verify.issuer, MicroProfile JWT)",
  MP_JWT_VERIFY_PUBLICKEY_LOCATION: "read by smallrye-jwt (mp.jwt.verify.publickey.location, MicroProfile JWT)",
};

// The official MariaDB image's documented variables (its docker-entrypoint.sh).
const MARIADB_IMAGE_KEYS = [
  "MARIADB_ROOT_PASSWORD", "MARIADB_ROOT_PASSWORD_HASH", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD",
  "MARIADB_RANDOM_ROOT_PASSWORD", "MARIADB_ROOT_HOST", "MARIADB_DATABASE", "MARIADB_USER", "MARIADB_PASSWORD",
  "MARIADB_PASSWORD_HASH", "MARIADB_MYSQL_LOCALHOST_USER", "MARIADB_MYSQL_LOCALHOST_GRANTS",
  "MARIADB_INITDB_SKIP_TZINFO", "MARIADB_AUTO_UPGRADE", "MARIADB_DISABLE_UPGRADE_BACKUP",
  "MARIADB_REPLICATION_USER", "MARIADB_REPLICATION_PASSWORD", "MARIADB_MASTER_HOST", "TZ",
].flatMap((k) => [k, `${k}_FILE`]);

export const envName = (property) => property.replace(/[^A-Za-z0-9]/g, "_").toUpperCase();

/** What each service module reads: Map<module, { names: Map<ENV, reason>, prefixes: [ENV_PREFIX_], port }>. */
export function deriveServiceConfig(repoRoot) {
  const modules = fs.readdirSync(repoRoot).filter((m) => fs.existsSync(path.join(repoRoot, m, "pom.xml")));
  const propsOf = (m) => path.join(repoRoot, m, "src/main/resources/application.properties");
  const services = modules.filter((m) => fs.existsSync(propsOf(m)));
  const runtimeDependencies = (m, seen = new Set()) => {
    for (const dep of fs.readFileSync(path.join(repoRoot, m, "pom.xml"), "utf8").matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
      const artifact = /<artifactId>([^<]+)<\/artifactId>/.exec(dep[1])?.[1];
      if (modules.includes(artifact) && !/<scope>test<\/scope>/.test(dep[1]) && !seen.has(artifact)) {
        seen.add(artifact);
        runtimeDependencies(artifact, seen);
      }
    }
    return seen;
  };
  const imageKeys = entrypointVariables(path.join(repoRoot, "deploy/docker/Dockerfile.jvm"));
  const config = new Map();
  for (const m of services) {
    const names = new Map(Object.entries(FRAMEWORK_KEYS));
    const prefixes = [];
    for (const v of imageKeys) names.set(v, "read by the image's entrypoint (deploy/docker/Dockerfile.jvm)");
    for (const key of propertyKeys(propsOf(m))) names.set(envName(key), `${m}/src/main/resources/application.properties: ${key}`);
    for (const source of [m, ...runtimeDependencies(m)]) {
      for (const mapping of configMappings(path.join(repoRoot, source, "src/main/java"))) {
        for (const member of mapping.members) {
          const property = `${mapping.prefix}.${member.name}`;
          if (member.isMap) prefixes.push(`${envName(property)}_`);
          else names.set(envName(property), `@ConfigMapping(prefix = "${mapping.prefix}") ${mapping.file}`);
        }
      }
    }
    const props = fs.readFileSync(propsOf(m), "utf8");
    const port = /^quarkus\.http\.port\s*[=:]\s*(\d+)\s*$/m.exec(props)?.[1];
    const managementPort = /^quarkus\.management\.port\s*[=:]\s*(\d+)\s*$/m.exec(props)?.[1];
    config.set(m, { names, prefixes, port: port ? Number(port) : 8080, managementPort: managementPort ? Number(managementPort) : 9000 });
  }
  return config;
}

function propertyKeys(file) {
  const keys = new Set();
  for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const m = /^((?:\\.|[^=:\s])+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (!m) continue;
    // A profile's key (%prod.quarkus.x) is read as quarkus.x in that profile.
    keys.add(m[1].replace(/^%[\w-]+\./, ""));
    for (const ref of m[2].matchAll(/\$\{([^:}]+)(?::[^}]*)?\}/g)) keys.add(ref[1]);
  }
  return keys;
}

/** @ConfigMapping interfaces of a source tree: { prefix, file, members: [{ name, isMap }] }. */
function configMappings(sourceDir) {
  const out = [];
  for (const file of javaFiles(sourceDir)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/@ConfigMapping\(\s*prefix\s*=\s*"([^"]+)"[^)]*\)[^{]*?\binterface\s+\w+[^{]*\{/g)) {
      const body = blockAt(text, m.index + m[0].length);
      const members = [];
      for (const decl of body.matchAll(/((?:@\w+(?:\([^)]*\))?\s*)*)([\w.<>, ?]+?)\s+(\w+)\(\)\s*;/g)) {
        const withName = /@WithName\(\s*"([^"]+)"\s*\)/.exec(decl[1]);
        members.push({ name: withName ? withName[1] : kebab(decl[3]), isMap: /^Map</.test(decl[2].trim()) });
      }
      out.push({ prefix: m[1], file: path.basename(file), members });
    }
  }
  return out;
}

/** The text of the block opened just before index, at depth one (nested blocks left out). */
function blockAt(text, index) {
  let depth = 1;
  let out = "";
  for (let i = index; i < text.length && depth > 0; i++) {
    const c = text[i];
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (depth === 1) out += c;
  }
  return out;
}

const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

function javaFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? javaFiles(path.join(dir, e.name)) : e.name.endsWith(".java") ? [path.join(dir, e.name)] : []);
}

function entrypointVariables(dockerfile) {
  const entrypoint = fs.readFileSync(dockerfile, "utf8").split("\n").find((l) => l.startsWith("ENTRYPOINT")) ?? "";
  return [...entrypoint.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]);
}

/**
 * Every Luoshi JVM runs with -XX:+ExitOnOutOfMemoryError (issue #24): one out of memory exits and is restarted
 * instead of staying up half-broken. The image's JAVA_OPTS has it; a JAVA_OPTS set on a container replaces the
 * image's and must have it too, and nothing may turn it off.
 */
export function exitOnOomProblem(where, env) {
  const opts = env.get("JAVA_OPTS");
  if (opts !== undefined && !/(^|\s)-XX:\+ExitOnOutOfMemoryError(\s|$)/.test(opts)) {
    return `${where}: JAVA_OPTS replaces the image's and lacks -XX:+ExitOnOutOfMemoryError`;
  }
  for (const [name, value] of env) {
    if (/^JAVA_OPTS/.test(name) && /-XX:-ExitOnOutOfMemoryError/.test(value)) return `${where}: ${name} turns -XX:+ExitOnOutOfMemoryError off`;
  }
  return null;
}

function unread(config, module, name) {
  const c = config.get(module);
  return !c.names.has(name) && !c.prefixes.some((p) => name.startsWith(p));
}

export const moduleOfImage = (image) => /(?:^|\/)luoshi\/([a-z0-9-]+)(?::|@|$)/.exec(image ?? "")?.[1];

/** Problems in built Kubernetes objects; knownSecrets: Secret objects created out of band. */
export function checkKubernetesEnv(objects, config, knownSecrets) {
  const problems = [];
  const find = (kind, name, ns) => [...objects, ...(kind === "Secret" ? knownSecrets : [])].find(
    (o) => o.kind === kind && o.metadata?.name === name && (o.kind === "Secret" || (o.metadata?.namespace ?? "") === (ns ?? "")));
  const keysOf = (o) => Object.keys({ ...(o.data ?? {}), ...(o.stringData ?? {}) });
  for (const o of objects) {
    const pod = podSpecOf(o);
    if (!pod) continue;
    const ns = o.metadata?.namespace;
    for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      const where = `${o.kind}/${o.metadata?.name} container ${c.name}`;
      const module = moduleOfImage(c.image);
      if (module && !config.has(module)) problems.push(`${where}: image ${c.image} is no Luoshi service (${[...config.keys()].join(", ")})`);
      const names = [];
      for (const e of c.env ?? []) {
        names.push(e.name);
        const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
        if (ref && !ref.optional) {
          const kind = e.valueFrom.configMapKeyRef ? "ConfigMap" : "Secret";
          const target = find(kind, ref.name, ns);
          if (!target) problems.push(`${where}: ${e.name} refers to ${kind} ${ref.name}, which is not declared`);
          else if (!keysOf(target).includes(ref.key)) problems.push(`${where}: ${e.name} refers to key ${ref.key} that ${kind} ${ref.name} does not have`);
        }
      }
      for (const from of c.envFrom ?? []) {
        const ref = from.configMapRef ?? from.secretRef;
        const kind = from.configMapRef ? "ConfigMap" : "Secret";
        const target = find(kind, ref?.name, ns);
        if (!target) {
          if (!ref?.optional) problems.push(`${where}: envFrom ${kind} ${ref?.name} is not declared`);
          continue;
        }
        names.push(...keysOf(target).map((k) => `${from.prefix ?? ""}${k}`));
      }
      if (!module) continue;
      for (const name of names) {
        if (unread(config, module, name)) problems.push(`${where}: ${name} is not read by ${module}`);
      }
      const values = new Map((c.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, String(e.value)]));
      const oom = exitOnOomProblem(where, values);
      if (oom) problems.push(oom);
    }
  }
  // The gateway is the only public entry.
  for (const o of objects) {
    if (o.kind === "Ingress") {
      const backends = [o.spec?.defaultBackend, ...(o.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend))];
      for (const b of backends.filter(Boolean)) {
        if (b.service?.name !== "gateway") problems.push(`Ingress/${o.metadata.name}: routes to ${b.service?.name ?? "a resource"}; only the gateway is public`);
      }
    }
    if (o.kind === "Service" && ["LoadBalancer", "NodePort"].includes(o.spec?.type)) {
      problems.push(`Service/${o.metadata.name}: type ${o.spec.type} exposes it outside the cluster; only the gateway is public, through the Ingress`);
    }
  }
  return problems;
}

export function podSpecOf(o) {
  if (["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"].includes(o.kind)) return o.spec?.template?.spec;
  if (o.kind === "CronJob") return o.spec?.jobTemplate?.spec?.template?.spec;
  if (o.kind === "Pod") return o.spec;
  return null;
}

/** Problems of the compose file's environments and published ports. */
export function checkComposeEnv(doc, composeDir, config) {
  const problems = [];
  for (const [name, s] of Object.entries(doc.services ?? {})) {
    const env = Array.isArray(s.environment)
      ? s.environment.map((e) => String(e).split("=")[0])
      : Object.keys(s.environment ?? {});
    if (s.env_file) problems.push(`service ${name}: env_file is not checkable; set the variables in environment`);
    const module = s.build?.args?.MODULE ?? moduleOfImage(s.image);
    if (module) {
      if (!config.has(module)) problems.push(`service ${name}: ${module} is no Luoshi service`);
      else for (const v of env) if (unread(config, module, v)) problems.push(`service ${name}: ${v} is not read by ${module}`);
      const values = new Map(Array.isArray(s.environment) ? s.environment.map((e) => String(e).split(/=(.*)/s).slice(0, 2))
        : Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)]));
      const oom = exitOnOomProblem(`service ${name}`, values);
      if (oom) problems.push(oom);
    } else if (/^(docker\.io\/)?(library\/)?mariadb(:|$)/.test(s.image ?? "")) {
      const allowed = new Set([...MARIADB_IMAGE_KEYS, ...initScriptVariables(s, composeDir)]);
      for (const v of env) if (!allowed.has(v)) problems.push(`service ${name}: ${v} is neither a MariaDB image variable nor read by its init scripts`);
    } else if (env.length > 0) {
      problems.push(`service ${name}: no known variables for image ${s.image}`);
    }
    if ((s.ports ?? []).length > 0 && module !== "gateway") problems.push(`service ${name}: publishes ports; only the gateway is public`);
  }
  return problems;
}

function initScriptVariables(service, composeDir) {
  const names = [];
  for (const v of service.volumes ?? []) {
    const [source, target] = typeof v === "string" ? v.split(":") : [v.source, v.target];
    if (target !== "/docker-entrypoint-initdb.d" || !source?.startsWith(".")) continue;
    const dir = path.resolve(composeDir, source);
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      names.push(...[...text.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]));
    }
  }
  return names;
}
