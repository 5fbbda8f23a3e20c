// The charter as a document: what was typed on the canvas reads the same on
// the charter view, in print and in the exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp } from './support/session.mjs';
import { openPart } from './support/app.mjs';

const app = servedApp();

/** The text pdftotext reads from a PDF, in reading order. */
async function pdfText(pdf) {
  const dir = await mkdtemp(join(tmpdir(), 'coplanifier-pdf-'));
  const file = join(dir, 'charter.pdf');
  await writeFile(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('charter: a line break typed in a note stays a line break on screen, in print and in the PDF', async () => {
  const { page, problems } = await app.freshPage('#/canvas/details');
  await (await openPart(page, 'goals')).locator('.note-add').click();
  await page.keyboard.type('Première ligne du but');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Deuxième ligne du but');
  await page.getByRole('link', { name: 'Charte', exact: true }).click();
  const item = page.locator('[data-part="goals"] li');
  await item.waitFor();
  const lines = async () => item.evaluate((li) => li.innerText.split('\n'));
  assert.deepEqual(await lines(), ['Première ligne du but', 'Deuxième ligne du but']);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await lines(), ['Première ligne du but', 'Deuxième ligne du but'], 'in print');
  const text = await pdfText(await page.pdf({ format: 'A4' }));
  const first = text.split('\n').findIndex((l) => l.includes('Première ligne du but'));
  assert.ok(first >= 0, 'the note is in the PDF');
  assert.ok(!text.split('\n')[first].includes('Deuxième'), 'the second line starts a line of its own');
  assert.ok(text.split('\n')[first + 1].includes('Deuxième ligne du but'), text);
  assert.deepEqual(problems, []);
});

test('charter: the people who stay away have their place, on the canvas, in the charter and in Markdown', async () => {
  const { page, problems } = await app.freshPage('#/canvas/details');
  const away = (await openPart(page, 'away'));
  await away.getByRole('heading', { name: "À l'écart" }).waitFor();
  // It sits with the other levels of participation, after the periphery.
  const order = await page.locator('[data-question="joining"] [data-part]').evaluateAll((els) => els.map((e) => e.dataset.part));
  assert.equal(order.indexOf('away'), order.indexOf('peripheral') + 1, order.join(', '));
  await away.locator('.note-add').click();
  await page.keyboard.type('Les collègues en congé cette année');
  await page.getByRole('link', { name: 'Charte', exact: true }).click();
  await page.locator('[data-part="away"]').getByText('Les collègues en congé cette année').waitFor();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copier le Markdown' }).click();
  await page.getByText('Markdown copié').waitFor();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(markdown, /À l'écart[\s\S]*Les collègues en congé cette année/);
  assert.deepEqual(problems, []);
});
