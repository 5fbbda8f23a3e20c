// Every screen is labelled and usable by keyboard: axe finds no violation on
// the canvas, the guided path and the charter view, in French and English,
// and a whole charter can be filled with the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { servedApp } from './support/session.mjs';
import { keyboard, openPart, part } from './support/app.mjs';

const app = servedApp();
const { freshPage, freshContext } = app;

async function violations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const [lang, locale, exampleButton, compareButton, ignoreButton] of [
  ['French', 'fr-CA', 'Ouvrir l\'exemple', 'Comparer avec mon brouillon', 'Ignorer'],
  ['English', 'en-CA', 'Open the example', 'Compare with my draft', 'Ignore'],
]) {
  test(`axe finds no violation on any screen, in ${lang}`, async () => {
    const { page, problems } = await freshPage('', { locale });
    await page.getByRole('button', { name: exampleButton }).click();
    await page.locator('.board-column').nth(3).waitFor();
    const found = { start: [], canvas: [], guide: [], charter: [], compare: [] };
    found.canvas = await violations(page);
    await page.goto(`${app.server.url}#/canvas/details`);
    await page.locator('.canvas-zone').nth(3).waitFor();
    found.canvas.push(...(await violations(page)));
    for (const step of [1, 2, 3, 4, 5]) {
      await page.goto(`${app.server.url}#/guide/${step}`);
      await page.locator('.guide-step').waitFor();
      found.guide.push(...(await violations(page)));
    }
    await page.goto(`${app.server.url}#/charter`);
    await page.locator('.charter-doc').waitFor();
    found.charter = await violations(page);
    // A link to this charter, opened after the draft changed: the comparison.
    const link = await page.locator('#share-link').inputValue();
    await page.goto(`${app.server.url}#/canvas/details`);
    await (await openPart(page, 'mission')).locator('textarea').fill('M');
    await page.goto(link);
    await page.getByTestId('incoming').getByRole('button', { name: compareButton }).click();
    await page.getByTestId('compare').locator('[data-part="mission"]').waitFor();
    found.compare = await violations(page);
    await page.getByTestId('incoming').getByRole('button', { name: ignoreButton }).click();
    await page.goto(`${app.server.url}#/`);
    await page.locator('.start').waitFor();
    found.start = await violations(page);
    assert.deepEqual(found, { start: [], canvas: [], guide: [], charter: [], compare: [] });
    assert.deepEqual(problems, []);
  });
}

test('a whole charter can be filled with the keyboard alone', async () => {
  const { page, problems } = await freshPage('#/guide/1');
  await page.locator('.guide-step').waitFor();
  const keys = keyboard(page);
  await keys.tabTo('#charter-title');
  await page.keyboard.type('Par le clavier');
  let typed = 0;
  for (let step = 1; step <= 5; step++) {
    await page.getByText(`Étape ${step} sur 5`).waitFor();
    typed += await keys.fillStep();
    if (step < 5) {
      await keys.tabTo('.guide-next');
      await keys.press('Enter');
    }
  }
  await keys.tabTo('.guide-next'); // "See the charter"
  await keys.press('Enter');
  const doc = page.locator('.charter-doc');
  await doc.waitFor();
  const text = await doc.innerText();
  const missing = [];
  for (const id of await page.locator('.charter-doc [data-part]').evaluateAll((els) => els.map((e) => e.dataset.part))) {
    const shown = await part(page, id).innerText();
    if (shown.includes('À discuter')) missing.push(id);
  }
  assert.deepEqual(missing, [], 'every part was filled by keyboard');
  assert.ok(text.includes('Par le clavier'));
  assert.ok(typed >= 25, `typed into ${typed} fields`);
  assert.deepEqual(problems, []);
});
