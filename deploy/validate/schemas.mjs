// Schema validation of Kubernetes objects and of a compose file.
// - Built-in kinds: the validators of the npm package kubernetes-models (generated from the
//   Kubernetes OpenAPI document: types, formats, required fields), plus a strict pass that
//   rejects fields the API does not have (kubectl's --validate=strict), read from the same
//   package's type declarations.
// - The mariadb-operator's kinds: schemas/mariadb-operator.v1alpha1.json (see its $comment).
// - compose: the Compose Specification's JSON schema as shipped by the npm package dclint.
// - Dockerfiles: the npm package dockerfile-utils (the Dockerfile language server's linter).
// Any other apiVersion/kind is an error: nothing passes unchecked.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const HERE = path.dirname(new URL(import.meta.url).pathname);

export class Validators {
  constructor(toolsDir) {
    this.require = createRequire(path.join(toolsDir, "package.json"));
    this.modelsDir = path.dirname(this.require.resolve("kubernetes-models/package.json"));
    const Ajv = this.require("ajv").default;
    const addFormats = this.require("ajv-formats");
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.ajv.addSchema(JSON.parse(fs.readFileSync(path.join(HERE, "schemas/mariadb-operator.v1alpha1.json"), "utf8")), "mariadb-operator");
    const composeSchema = path.join(path.dirname(this.require.resolve("dclint/package.json")), "schemas/compose.schema.json");
    // Draft-07, named by an https URL that Ajv knows by its http name only.
    const { $schema, ...compose } = JSON.parse(fs.readFileSync(composeSchema, "utf8"));
    this.compose = this.ajv.compile(compose);
    this.interfaces = new Map();
  }

  /** The problems of one Kubernetes object, as strings (empty: valid). */
  kubernetes(object) {
    if (!object || typeof object !== "object" || !object.apiVersion || !object.kind) {
      return ["not a Kubernetes object (apiVersion and kind are required)"];
    }
    const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
    if (group === "k8s.mariadb.com") return this.mariadbOperator(object);
    const file = path.join(this.modelsDir, group, version, `${object.kind}.js`);
    if (!/^[A-Za-z0-9.]*$/.test(group) || !fs.existsSync(file)) return [`no schema for ${object.apiVersion} ${object.kind}`];
    const problems = [];
    const Model = Object.values(this.require(file)).find((v) => typeof v === "function" && v.kind === object.kind);
    try {
      new Model(object).validate();
    } catch (e) {
      problems.push(...String(e.message).split(/,\s*(?=data)/).map((m) => m.replace(/^data\/?/, "/")));
    }
    problems.push(...this.unknownFields(object, file.replace(/\.js$/, ".d.ts"), ""));
    return problems;
  }

  mariadbOperator(object) {
    const validate = this.ajv.getSchema(`mariadb-operator#/kinds/${object.kind}`);
    if (object.apiVersion !== "k8s.mariadb.com/v1alpha1" || !validate) return [`no schema for ${object.apiVersion} ${object.kind}`];
    return validate(object) ? [] : validate.errors.map(formatAjvError);
  }

  /** Dockerfile syntax (the npm package dockerfile-utils) and what every Luoshi image must have. */
  dockerfileProblems(text) {
    const problems = this.require("dockerfile-utils").validate(text, {})
      .map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    const instructions = text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
    const last = (name) => instructions.filter((l) => l.toUpperCase().startsWith(`${name} `)).pop();
    const user = last("USER")?.split(/\s+/)[1]?.split(":")[0];
    if (!user || user === "root" || user === "0") problems.push("the image must run as a non-root USER (numeric, for runAsNonRoot)");
    if (!last("HEALTHCHECK")) problems.push("the image must have a HEALTHCHECK");
    if (!last("EXPOSE")) problems.push("the image must EXPOSE its port");
    // issue #24: a JVM out of memory exits (and the orchestrator starts a clean one) instead of lingering
    const javaOpts = /JAVA_OPTS="([^"]*)"/.exec(instructions.join("\n"))?.[1];
    if (!javaOpts || !/(^|\s)-XX:\+ExitOnOutOfMemoryError(\s|$)/.test(javaOpts)) {
      problems.push("the image's JAVA_OPTS must have -XX:+ExitOnOutOfMemoryError");
    }
    return problems;
  }

  composeProblems(doc) {
    return this.compose(doc) ? [] : this.compose.errors.map(formatAjvError);
  }

  /** Fields of data that the interface declared in dtsFile does not have, recursively. */
  unknownFields(data, dtsFile, at) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return [];
    const iface = this.interfaceOf(dtsFile);
    if (!iface) return [];
    const problems = [];
    for (const [key, value] of Object.entries(data)) {
      const prop = iface.props.get(key);
      if (!prop) {
        problems.push(`${at}/${key}: unknown field "${key}"`);
      } else if (prop.ref && prop.array && Array.isArray(value)) {
        value.forEach((item, i) => problems.push(...this.unknownFields(item, prop.ref, `${at}/${key}/${i}`)));
      } else if (prop.ref && !prop.array) {
        problems.push(...this.unknownFields(value, prop.ref, `${at}/${key}`));
      }
    }
    return problems;
  }

  /** Parses `export interface IX { "field"?: Type; ... }` of a kubernetes-models declaration file. */
  interfaceOf(dtsFile) {
    if (this.interfaces.has(dtsFile)) return this.interfaces.get(dtsFile);
    let result = null;
    if (fs.existsSync(dtsFile)) {
      const text = fs.readFileSync(dtsFile, "utf8");
      const imports = new Map();
      for (const m of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) imports.set(m[1], m[2]);
      const body = /^export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)^\}/m.exec(text);
      if (body) {
        result = { props: new Map() };
        for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: ([^\n]*?);?$/gm)) {
          const type = m[2].trim();
          const array = /^Array<(\w+)>$/.exec(type);
          const name = array ? array[1] : /^\w+$/.test(type) ? type : null;
          const from = name && imports.get(name);
          result.props.set(m[1], { array: !!array, ref: from ? this.declarationFile(dtsFile, from) : null });
        }
      }
    }
    this.interfaces.set(dtsFile, result);
    return result;
  }

  declarationFile(fromFile, spec) {
    if (spec.startsWith(".")) return path.resolve(path.dirname(fromFile), `${spec}.d.ts`);
    // A package path (@kubernetes-models/apimachinery/...): Node's module lookup, by hand, because
    // the package's "exports" hide its declaration files from require.resolve.
    const parts = spec.split("/");
    const [pkgParts, rest] = spec.startsWith("@") ? [parts.slice(0, 2), parts.slice(2)] : [parts.slice(0, 1), parts.slice(1)];
    for (let dir = path.dirname(fromFile); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const pkg = path.join(dir, "node_modules", ...pkgParts);
      if (fs.existsSync(pkg)) return path.join(pkg, ...rest) + ".d.ts";
    }
    return null;
  }
}

function formatAjvError(e) {
  const where = e.instancePath || "/";
  if (e.keyword === "additionalProperties") return `${where}: unknown field "${e.params.additionalProperty}"`;
  return `${where}: ${e.message}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : ""}`;
}
