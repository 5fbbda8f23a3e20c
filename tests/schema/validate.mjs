// Validates Coplanifier documents against the published JSON Schema
// (docs/charter.schema.json, draft 2020-12) and prints one line per file.
//
//   node tests/schema/validate.mjs            every tests/fixtures/*.coplanifier.json
//   node tests/schema/validate.mjs a.json ... the given files instead
//
// The repository root is $REPO_ROOT, or two levels above this script.
// Each document is checked against the schema of its own `version`:
// docs/charter.schema.json describes the current version, and a frozen copy
// docs/charter-v<N>.schema.json is kept for every older one (docs/FORMAT.md).
// Exits 1 if any file fails, 0 otherwise. Needs the npm package `ajv` (v8).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = resolve(
  process.env.REPO_ROOT || fileURLToPath(new URL('../..', import.meta.url)),
);
const docs = join(root, 'docs');
const fixtures = join(root, 'tests', 'fixtures');

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The version docs/charter.schema.json describes (set by loadSchemas). */
let current;

/** Compiled validators by the format version their schema pins. */
function loadSchemas() {
  const names = ['charter.schema.json'].concat(
    readdirSync(docs)
      .filter((n) => /^charter-v\d+\.schema\.json$/.test(n))
      .sort(),
  );
  const byVersion = new Map();
  current = undefined;
  for (const name of names) {
    const path = join(docs, name);
    if (!existsSync(path)) throw new Error(`missing schema ${path}`);
    const schema = readJson(path);
    const version = schema?.properties?.version?.const;
    if (!Number.isInteger(version)) {
      throw new Error(`${name}: properties.version.const is not an integer`);
    }
    if (byVersion.has(version)) {
      throw new Error(`${name}: a second schema for version ${version}`);
    }
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    byVersion.set(version, { name, validate: ajv.compile(schema) });
    current ??= version;
  }
  return byVersion;
}

function describe(error) {
  const where = error.instancePath || '/';
  const allowed = error.params?.allowedValues;
  const extra = allowed ? ` ${JSON.stringify(allowed)}` : '';
  return `${where} ${error.message}${extra}`;
}

/** One line about one file; true if it is valid. */
function check(path, schemas) {
  const inside = relative(root, path);
  const shown = inside && !inside.startsWith('..') ? inside : path;
  let doc;
  try {
    doc = readJson(path);
  } catch (e) {
    console.log(`FAIL ${shown}: not JSON (${e.message})`);
    return false;
  }
  const version = doc?.version;
  const schema = schemas.get(version);
  if (schema && schema.validate(doc)) {
    console.log(`ok   ${shown} (version ${version}, ${schema.name})`);
    return true;
  }
  // An unknown version is reported, then checked against the current schema.
  const used = schema ?? schemas.get(current);
  const errors = [];
  if (!schema) {
    const known = [...schemas.keys()].join(', ');
    errors.push(`no schema for version ${JSON.stringify(version)} (known: ${known})`);
    used.validate(doc);
  }
  errors.push(...(used.validate.errors ?? []).map(describe));
  console.log(`FAIL ${shown}: ${errors.join('; ')}`);
  return false;
}

function main() {
  let schemas;
  try {
    schemas = loadSchemas();
  } catch (e) {
    console.log(`FAIL schema: ${e.message}`);
    return 1;
  }
  const args = process.argv.slice(2);
  const files = args.length
    ? args.map((a) => resolve(a))
    : existsSync(fixtures)
      ? readdirSync(fixtures)
          .filter((n) => n.endsWith('.coplanifier.json'))
          .sort()
          .map((n) => join(fixtures, n))
      : [];
  if (files.length === 0) {
    console.log(`FAIL no *.coplanifier.json in ${relative(process.cwd(), fixtures) || fixtures}`);
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    if (!check(file, schemas)) failed += 1;
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
