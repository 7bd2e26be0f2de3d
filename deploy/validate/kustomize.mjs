// A kustomize build of the subset of kustomize that deploy/k8s uses, so that the check runs with
// nothing but Node.js (no kustomize or kubectl binary is on Maven Central, npm or Debian in a
// version that knows components). Supported: resources (files and directories), components,
// namespace, images, patches in JSON 6902 form with a kind/name target. Anything else in a
// kustomization is refused rather than ignored, so the check can never silently build something
// other than what kustomize builds; when kubectl is installed validate.mjs compares the two builds.
import fs from "node:fs";
import path from "node:path";

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
const SUPPORTED_FIELDS = new Set(["apiVersion", "kind", "resources", "components", "namespace", "images", "patches"]);
// Kinds without a namespace (the ones a Luoshi manifest could plausibly hold).
const CLUSTER_SCOPED = new Set([
  "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
  "StorageClass", "IngressClass", "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
]);

export class BuildError extends Error {}

export function kustomizationFile(dir) {
  const name = KUSTOMIZATION_FILES.find((f) => fs.existsSync(path.join(dir, f)));
  return name ? path.join(dir, name) : null;
}

/** Builds the kustomization in dir: a list of { object, source } in kustomize's accumulation order. */
export function build(dir, yaml, expectedKind = "Kustomization") {
  const file = kustomizationFile(dir);
  if (!file) throw new BuildError(`${dir}: no kustomization.yaml`);
  const k = readYamlDocs(file, yaml)[0] ?? {};
  const kind = k.kind ?? "Kustomization";
  if (kind !== expectedKind) throw new BuildError(`${file}: kind ${kind} where a ${expectedKind} is expected`);
  for (const field of Object.keys(k)) {
    if (!SUPPORTED_FIELDS.has(field)) {
      throw new BuildError(`${file}: field "${field}" is not supported by deploy/validate/kustomize.mjs (add it there, with a test)`);
    }
  }
  let resources = [];
  for (const entry of k.resources ?? []) resources.push(...loadResource(path.resolve(dir, entry), yaml, file));
  for (const entry of k.components ?? []) {
    const componentDir = path.resolve(dir, entry);
    const component = build(componentDir, yaml, "Component");
    resources.push(...component.resources);
    resources = applyTransformers(component.kustomization, componentDir, resources, yaml);
  }
  // A component's own patches and settings apply to everything its user has accumulated: the
  // user applies them (above), not the component's build.
  if (kind === "Component") return { resources, kustomization: k };
  resources = applyTransformers(k, dir, resources, yaml);
  rejectDuplicates(resources, file);
  return resources;
}

function loadResource(target, yaml, from) {
  if (!fs.existsSync(target)) throw new BuildError(`${from}: resource ${target} does not exist`);
  if (fs.statSync(target).isDirectory()) return build(target, yaml);
  return readYamlDocs(target, yaml).map((object) => ({ object, source: target }));
}

export function readYamlDocs(file, yaml) {
  const text = fs.readFileSync(file, "utf8");
  const docs = yaml.parseAllDocuments(text, { merge: true, uniqueKeys: true });
  const out = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new BuildError(`${file}: invalid YAML: ${doc.errors[0].message}`);
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

function applyTransformers(k, dir, resources, yaml) {
  for (const patch of k.patches ?? []) applyPatch(patch, dir, resources, yaml);
  if (k.namespace) {
    for (const r of resources) {
      if (!CLUSTER_SCOPED.has(r.object.kind)) r.object.metadata = { ...r.object.metadata, namespace: k.namespace };
    }
  }
  for (const image of k.images ?? []) for (const r of resources) setImage(r.object, image);
  return resources;
}

function applyPatch(patch, dir, resources, yaml) {
  const text = patch.path ? fs.readFileSync(path.resolve(dir, patch.path), "utf8") : patch.patch;
  const ops = yaml.parse(text ?? "");
  if (!Array.isArray(ops)) {
    throw new BuildError(`${dir}: only JSON 6902 patches (a list of operations) are supported, not strategic-merge ones`);
  }
  const t = patch.target ?? {};
  if (!t.kind || !t.name) throw new BuildError(`${dir}: a patch needs a target with kind and name`);
  const matches = resources.filter(
    (r) => r.object.kind === t.kind && r.object.metadata?.name === t.name &&
      (!t.namespace || r.object.metadata?.namespace === t.namespace),
  );
  if (matches.length === 0) throw new BuildError(`${dir}: the patch for ${t.kind}/${t.name} matches no resource`);
  for (const r of matches) {
    for (const op of ops) {
      try {
        r.object = applyOperation(r.object, op);
      } catch (e) {
        throw new BuildError(`${dir}: patch ${JSON.stringify(op.op)} ${op.path} on ${t.kind}/${t.name}: ${e.message}`);
      }
    }
  }
}

/** One RFC 6902 operation (add, replace, remove, test); returns the new document. */
export function applyOperation(doc, op) {
  const tokens = String(op.path).split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (tokens.length === 0) {
    if (op.op === "add" || op.op === "replace") return structuredClone(op.value);
    throw new Error("cannot apply to the whole document");
  }
  const last = tokens.pop();
  let parent = doc;
  for (const token of tokens) {
    parent = Array.isArray(parent) ? parent[arrayIndex(parent, token, false)] : parent?.[token];
    if (parent === undefined || parent === null || typeof parent !== "object") throw new Error("path does not exist");
  }
  const isArray = Array.isArray(parent);
  switch (op.op) {
    case "add":
      if (isArray) parent.splice(last === "-" ? parent.length : arrayIndex(parent, last, true), 0, structuredClone(op.value));
      else parent[last] = structuredClone(op.value);
      break;
    case "replace":
      if (isArray) parent[arrayIndex(parent, last, false)] = structuredClone(op.value);
      else if (!(last in parent)) throw new Error("path does not exist");
      else parent[last] = structuredClone(op.value);
      break;
    case "remove":
      if (isArray) parent.splice(arrayIndex(parent, last, false), 1);
      else if (!(last in parent)) throw new Error("path does not exist");
      else delete parent[last];
      break;
    case "test":
      if (JSON.stringify((isArray ? parent[arrayIndex(parent, last, false)] : parent[last])) !== JSON.stringify(op.value)) {
        throw new Error("test failed");
      }
      break;
    default:
      throw new Error(`operation ${op.op} is not supported`);
  }
  return doc;
}

function arrayIndex(array, token, forInsert) {
  const i = /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : NaN;
  if (Number.isNaN(i) || i > array.length || (!forInsert && i === array.length)) throw new Error(`bad array index ${token}`);
  return i;
}

/** kustomize's images transformer: every containers[]/initContainers[] image whose name matches. */
function setImage(node, image) {
  if (Array.isArray(node)) return node.forEach((n) => setImage(n, image));
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === "containers" || key === "initContainers") && Array.isArray(value)) {
      for (const c of value) if (typeof c?.image === "string") c.image = renameImage(c.image, image);
    }
    setImage(value, image);
  }
}

function renameImage(ref, image) {
  const m = /^(.*?)(?::([^:/@]+))?(?:@(sha256:[0-9a-f]+))?$/.exec(ref);
  const [name, tag, digest] = [m[1], m[2], m[3]];
  if (name !== image.name) return ref;
  const newName = image.newName ?? name;
  if (image.digest) return `${newName}@${image.digest}`;
  const newTag = image.newTag ?? tag;
  return newTag ? `${newName}:${newTag}` : digest ? `${newName}@${digest}` : newName;
}

function rejectDuplicates(resources, file) {
  const seen = new Set();
  for (const r of resources) {
    const id = resourceId(r.object);
    if (seen.has(id)) throw new BuildError(`${file}: ${id} is declared twice`);
    seen.add(id);
  }
}

export function resourceId(o) {
  return `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ""}/${o.metadata?.name}`;
}
