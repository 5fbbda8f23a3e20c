// Compares Coplanifier's share links with other ways of putting data in a URL,
// on the JSON each link carries (written by `examples/link_bench.rs`).
//
//   node bench/compare.mjs LINKS.jsonl      (or the JSON lines on stdin)
//
// For each charter: Mermaid Live's method (pako.deflateRaw at level 9, then
// base64url), the TypeScript playground's (lz-string's
// compressToEncodedURIComponent), and brotli (quality 11) of the bare text,
// every string a person typed joined by line breaks, as the information
// floor. Every baseline is built here, in the same run, from the same JSON.
// It also checks that each link inflates with Node's own zlib and its tag's
// dictionary built as docs/FORMAT.md describes, back to the same JSON, and
// shows what the previous tag, c1, would make of the same JSON (Node's zlib
// at level 9 with the c1 dictionary: within a few characters of the app's).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { deflateRaw } from 'pako';
import LZString from 'lz-string';

const BASE_URL = 'https://csss.example/outils/coplanifier/';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOAL_RATIO = 0.6;
const GOAL_URL = 1000;

// Keys whose string values are not typed by a person: ids and choice keys.
const NOT_TYPED = new Set([
  'id', 'kind', 'content_lang', 'origin', 'sponsor_status', 'superior', 'status',
  'relation', 'problems', 'benefits',
]);

/** A tag's dictionary, built from its source file exactly as docs/FORMAT.md says. */
function dictionaryOf(tag) {
  const text = readFileSync(join(ROOT, `src/format/dictionary-${tag}.txt`), 'utf8');
  const lines = text.split('\n').map((l) => l.replace(/\r$/, '').trimEnd());
  return Buffer.from(lines.filter((l) => l && !l.startsWith('#')).join(''), 'utf8');
}

/** Every string a person typed in the charter, in document order. */
function typedStrings(value, key = '', out = []) {
  if (NOT_TYPED.has(key)) return out;
  if (typeof value === 'string') {
    if (value !== '') out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) typedStrings(v, '', out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) typedStrings(v, k, out);
  }
  return out;
}

const base64url = (bytes) => Buffer.from(bytes).toString('base64url');

function compare(row) {
  const json = readFileSync(row.json_file, 'utf8');
  const payload = row.link.slice(row.link.indexOf('.') + 1);
  const ours = Buffer.from(payload, 'base64url');
  const dictionary = dictionaryOf(row.tag);
  const inflated = inflateRawSync(ours, { dictionary }).toString('utf8');
  const c1 = 3 + base64url(deflateRawSync(Buffer.from(json, 'utf8'), { level: 9, dictionary: dictionaryOf('c1') })).length;
  if (inflated !== json) throw new Error(`${row.name}: the link does not inflate to its JSON`);
  const mermaid = base64url(deflateRaw(Buffer.from(json, 'utf8'), { level: 9 })).length;
  const lz = LZString.compressToEncodedURIComponent(json).length;
  const bare = typedStrings(JSON.parse(json).charter).join('\n');
  const floor = brotliCompressSync(Buffer.from(bare, 'utf8'), {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  }).length;
  return {
    ...row,
    json_bytes_node: Buffer.byteLength(json, 'utf8'),
    our_bytes: ours.length,
    mermaid,
    lz,
    c1,
    bare_bytes: Buffer.byteLength(bare, 'utf8'),
    floor,
    vs_mermaid: row.link_chars / mermaid,
    vs_floor: ours.length / floor,
    url: BASE_URL.length + 1 + row.link_chars,
    // The shortest URL that could carry even the floor: its bytes in base64url, after a tag.
    floor_url: BASE_URL.length + 1 + row.tag.length + 1 + Math.ceil((floor * 4) / 3),
  };
}

function readInput() {
  const path = process.argv[2];
  const text = path && path !== '-' ? readFileSync(path, 'utf8') : readFileSync(0, 'utf8');
  return text.split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l));
}

const num = (n) => n.toLocaleString('en-US');
const ratio = (r) => r.toFixed(2);

const rows = readInput().map(compare);
const header = [
  'charter', 'notes', 'JSON B', 'ours', 'c1', 'Mermaid', 'lz-string', 'floor B',
  'ours/Mermaid', 'ours/floor', 'URL', 'floor URL', 'encode µs', 'decode µs',
];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
for (const r of rows) {
  console.log(`| ${[
    r.name, r.notes, num(r.json_bytes), num(r.link_chars), num(r.c1), num(r.mermaid), num(r.lz),
    num(r.floor), ratio(r.vs_mermaid), ratio(r.vs_floor), num(r.url), num(r.floor_url),
    r.encode_us.toFixed(0), r.decode_us.toFixed(0),
  ].join(' | ')} |`);
}
console.log();
console.log(`Columns: "ours", "Mermaid" and "lz-string" are URL characters of the fragment`);
console.log(`payload (ours includes its "${rows[0]?.tag}." tag, and "c1" is the same JSON with the c1`);
console.log(`dictionary, tag included); "floor B" is brotli-11 of the`);
console.log(`typed text alone, in bytes; "ours/floor" compares our deflate bytes with it; "URL"`);
console.log(`is ${BASE_URL} + "#" + our fragment; "floor URL" the same with the floor's`);
console.log(`bytes in base64url.`);
console.log(`Times: median of ${rows[0]?.runs ?? '?'} runs, native release build; no assertion on them.`);
console.log(`All ${rows.length} links inflate with Node's zlib and their tag's dictionary to their JSON.`);
for (const r of rows) {
  const ok = r.vs_mermaid <= GOAL_RATIO && r.url <= GOAL_URL;
  console.log(
    `${r.name}: ours/Mermaid ${ratio(r.vs_mermaid)} (goal <= ${GOAL_RATIO}), URL ${r.url} (goal <= ${GOAL_URL}): ${ok ? 'met' : 'not met'}`,
  );
}
