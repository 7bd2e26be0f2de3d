// The check of deploy/ (run by deploy/validate.sh, which installs the tools first):
//   node validate.mjs <repository root> <tools dir>
// Builds every kustomization (deploy/k8s/base, deploy/k8s/overlays/*), reads the raw manifests
// (deploy/k8s/secrets, deploy/k8s/examples), the compose file and the Dockerfile (syntax, non-root
// user, health check, exposed port), and requires of each manifest and compose file that it
// parses, passes schema validation (schemas.mjs), sets only environment variables the services
// read (env-check.mjs) and fits together: URLs, ports, selectors (wiring-check.mjs). When kubectl
// with kustomize v5 is installed, each build must also equal kubectl's. Then it runs the
// self-test: every case under deploy/validate-selftest must be REJECTED with the problem its
// expect.txt names, which proves that the check can fail.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { build, kustomizationFile, readYamlDocs, resourceId } from "./kustomize.mjs";
import { Validators } from "./schemas.mjs";
import { deriveServiceConfig, checkKubernetesEnv, checkComposeEnv } from "./env-check.mjs";
import { checkKubernetesWiring, checkComposeWiring } from "./wiring-check.mjs";

const [repoRoot, toolsDir] = process.argv.slice(2).map((p) => path.resolve(p));
const rel = (p) => path.relative(repoRoot, p) || ".";
const yaml = createRequire(path.join(toolsDir, "package.json"))("yaml");
const validators = new Validators(toolsDir);
const serviceConfig = deriveServiceConfig(repoRoot);
const kubectl = kubectlKustomize();
const k8s = path.join(repoRoot, "deploy/k8s");
const yamlFiles = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f)) : []);
const selftestDir = path.join(repoRoot, "deploy/validate-selftest");
// The Secrets created out of band (their shapes): what secretKeyRef and envFrom may refer to.
const secretsOutOfBand = yamlFiles(path.join(k8s, "secrets")).flatMap((f) => {
  try {
    return readYamlDocs(f, yaml);
  } catch {
    return []; // reported with the file itself below
  }
}).filter((o) => o.kind === "Secret");

let passed = 0;
let failed = 0;
const report = (ok, label, detail) => {
  ok ? passed++ : failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${label}${detail ? ` ${detail}` : ""}`);
};

// --- the real manifests: each must pass ---------------------------------------------------------
const overlays = fs.readdirSync(path.join(k8s, "overlays")).map((d) => path.join(k8s, "overlays", d)).filter((d) => kustomizationFile(d));
const targets = [
  ...[path.join(k8s, "base"), ...overlays].map((dir) => ({ kind: "kustomize", path: dir })),
  ...["secrets", "examples"].flatMap((d) => yamlFiles(path.join(k8s, d))).map((file) => ({ kind: "manifest", path: file })),
  { kind: "compose", path: path.join(repoRoot, "deploy/compose/compose.yaml") },
  { kind: "dockerfile", path: path.join(repoRoot, "deploy/docker/Dockerfile.jvm") },
];
for (const target of targets) {
  const { problems, summary } = check(target);
  report(problems.length === 0, rel(target.path), problems.length === 0 ? summary : "");
  for (const p of problems) console.log(`       - ${brief(p)}`);
}
if (!kubectl) console.log("note: no kubectl with kustomize v5 here: the builds were not compared with kubectl kustomize");

// --- the self-test: each broken case must be rejected, for the reason it names ---------------------
for (const name of fs.readdirSync(selftestDir).sort()) {
  const dir = path.join(selftestDir, name);
  if (!fs.statSync(dir).isDirectory()) continue;
  const expected = fs.readFileSync(path.join(dir, "expect.txt"), "utf8").trim();
  const target = kustomizationFile(dir) ? { kind: "kustomize", path: dir }
    : fs.existsSync(path.join(dir, "compose.yaml")) ? { kind: "compose", path: path.join(dir, "compose.yaml") }
    : fs.existsSync(path.join(dir, "Dockerfile")) ? { kind: "dockerfile", path: path.join(dir, "Dockerfile") }
    : { kind: "manifests", path: dir };
  const { problems } = check(target);
  const hit = problems.map(brief).find((p) => p.includes(expected));
  report(!!hit, `selftest ${name}:`, hit ? `rejected as expected (${hit})`
    : problems.length ? `rejected, but not for "${expected}": ${problems.map(brief).join("; ")}` : `ACCEPTED, but must be rejected for "${expected}"`);
}

console.log(`deploy: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/** A problem on one line, with paths relative to the repository. */
function brief(problem) {
  return problem.split("\n")[0].replaceAll(`${repoRoot}/`, "");
}

/** { problems: [string], summary } of one target. */
function check(target) {
  try {
    if (target.kind === "compose") return checkCompose(target.path);
    if (target.kind === "dockerfile") return { problems: validators.dockerfileProblems(fs.readFileSync(target.path, "utf8")), summary: "" };
    const objects = target.kind === "kustomize"
      ? build(target.path, yaml).map((r) => r.object)
      : (target.kind === "manifest" ? [target.path] : yamlFiles(target.path)).flatMap((f) => readYamlDocs(f, yaml));
    const problems = [];
    for (const o of objects) for (const p of validators.kubernetes(o)) problems.push(`${o.kind ?? "?"}/${o.metadata?.name ?? "?"}: ${p}`);
    problems.push(...checkKubernetesEnv(objects, serviceConfig, secretsOutOfBand));
    problems.push(...checkKubernetesWiring(objects, serviceConfig));
    let compared = "";
    if (target.kind === "kustomize" && kubectl && !target.path.startsWith(selftestDir)) {
      problems.push(...compareWithKubectl(target.path, objects));
      compared = ", the same as kubectl kustomize";
    }
    return { problems, summary: `(${objects.length} objects${compared})` };
  } catch (e) {
    return { problems: [e.message], summary: "" };
  }
}

function checkCompose(file) {
  const docs = readYamlDocs(file, yaml);
  if (docs.length !== 1) return { problems: [`${rel(file)}: one YAML document expected, found ${docs.length}`] };
  const problems = [
    ...validators.composeProblems(docs[0]),
    ...checkComposeEnv(docs[0], path.dirname(file), serviceConfig),
    ...checkComposeWiring(docs[0], serviceConfig),
  ];
  return { problems, summary: `(${Object.keys(docs[0].services ?? {}).length} services)` };
}

function kubectlKustomize() {
  try {
    const version = execFileSync("kubectl", ["version", "--client"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return /Kustomize Version: v5\./.test(version);
  } catch {
    return false;
  }
}

function compareWithKubectl(dir, objects) {
  const theirs = yaml.parseAllDocuments(execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" })).map((d) => d.toJS()).filter(Boolean);
  const canonical = (o) => JSON.stringify(o, (k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
  const mine = new Map(objects.map((o) => [resourceId(o), canonical(o)]));
  const problems = [];
  for (const o of theirs) {
    const id = resourceId(o);
    if (!mine.has(id)) problems.push(`kubectl kustomize builds ${id}, this build does not`);
    else if (mine.get(id) !== canonical(o)) problems.push(`${id} differs from kubectl kustomize's build`);
    mine.delete(id);
  }
  for (const id of mine.keys()) problems.push(`this build has ${id}, kubectl kustomize does not`);
  return problems;
}
