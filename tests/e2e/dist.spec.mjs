// What the release build leaves in dist/ for hosts: every file a browser
// loads has a .br and a .gz beside it that decompress to exactly it
// (README, "Serving compressed files").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST } from './support/server.mjs';

test('dist: each file of the release build has brotli and gzip twins that decompress to it', async () => {
  const names = await readdir(DIST);
  const served = names.filter((n) => /\.(html|js|css|wasm|svg|webmanifest)$/.test(n) && n !== 'coplanifier.html');
  assert.ok(served.some((n) => n.endsWith('.wasm')), `a wasm file in ${names}`);
  for (const name of served) {
    const original = await readFile(join(DIST, name));
    assert.ok(names.includes(`${name}.br`) && names.includes(`${name}.gz`), `${name} has .br and .gz`);
    assert.ok(brotliDecompressSync(await readFile(join(DIST, `${name}.br`))).equals(original), `${name}.br`);
    assert.ok(gunzipSync(await readFile(join(DIST, `${name}.gz`))).equals(original), `${name}.gz`);
  }
});
