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
// "ours" is the c3 link the app writes (docs/FORMAT.md, section 6.2); the
// c2 link of the same charter is checked to inflate with Node's own zlib
// and the c2 dictionary built as docs/FORMAT.md describes, back to the same
// JSON, and shown beside it, with what c1 would make of that JSON (Node's
// zlib at level 9 with the c1 dictionary).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { deflateRaw } from 'pako';
import LZString from 'lz-string';

const BASE_URL = 'https://csss.example/outils/coplanifier/';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The goals of the links issue: URL characters for some charters, and c3
// bytes against the brotli floor of the bare text.
const GOAL_URL = { '03-half-fr': 850, '08-half-fr-held-out': 800, '11-full-fr-held-out': 1999 };
const GOAL_FLOOR = 0.65;

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
  const ours = Buffer.from(row.link.slice(row.link.indexOf('.') + 1), 'base64url');
  const c2 = Buffer.from(row.c2_link.slice(3), 'base64url');
  const inflated = inflateRawSync(c2, { dictionary: dictionaryOf('c2') }).toString('utf8');
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
    short_url: BASE_URL.length + 1 + row.short_ids_chars,
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
  'charter', 'notes', 'ours (c3)', 'with short ids', 'ids cost', 'c2', 'c1', 'Mermaid', 'lz-string',
  'floor B', 'ours/floor', 'URL', 'QR version', 'c3 encode µs', 'c3 decode µs', 'c2 encode µs', 'c2 decode µs',
];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
for (const r of rows) {
  console.log(`| ${[
    r.name, r.notes, num(r.link_chars), num(r.short_ids_chars), `${r.short_ids_chars - r.link_chars} (${r.items} items)`,
    num(r.c2_chars), num(r.c1), num(r.mermaid), num(r.lz), num(r.floor), ratio(r.vs_floor), num(r.url),
    r.qr_version ?? 'none', r.encode_us.toFixed(0), r.decode_us.toFixed(0), r.c2_encode_us.toFixed(0),
    r.c2_decode_us.toFixed(0),
  ].join(' | ')} |`);
}
console.log();
console.log(`Columns: "ours (c3)", "c2", "c1", "Mermaid" and "lz-string" are URL characters of the fragment`);
console.log(`(ours, c2 and c1 with their tag); "with short ids" is the c3 link once every note and row has a`);
console.log(`short id as the app now makes them (the corpus has older ids, which c3 leaves out), and "ids`);
console.log(`cost" the characters they add; "floor B" is brotli-11 of the typed text alone, in bytes;`);
console.log(`"ours/floor" compares our c3 bytes with it; "URL" is ${BASE_URL} + "#" + our fragment;`);
console.log(`"QR version" is the QR code (level M, address in byte mode, QR form in alphanumeric mode)`);
console.log(`of the link with short ids; the app draws up to version 25.`);
console.log(`Times: median of ${rows[0]?.runs ?? '?'} runs, native release build; no assertion on them.`);
console.log(`All ${rows.length} c2 links inflate with Node's zlib and the c2 dictionary to their JSON.`);
for (const r of rows) {
  const url = GOAL_URL[r.name];
  const parts = [`ours/floor ${ratio(r.vs_floor)} (goal <= ${GOAL_FLOOR}): ${r.vs_floor <= GOAL_FLOOR ? 'met' : 'not met'}`];
  if (url) parts.push(`URL ${r.url} (goal <= ${url}): ${r.url <= url ? 'met' : 'not met'}`);
  console.log(`${r.name}: ${parts.join('; ')}`);
}
