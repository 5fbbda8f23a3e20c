// A newcomer goes through the guided path, fills every part, and finds
// everything on the canvas and in the charter view, in both languages.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { servedApp } from './support/session.mjs';
import { fillPart, marker, part, partIds, openPart } from './support/app.mjs';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;

const app = servedApp();
const { freshPage, freshContext } = app;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
});

test('a newcomer fills every part through the guided path and finds it all on the canvas and in the charter', async () => {
  const { page, problems } = await freshPage();
  await page.getByRole('button', { name: 'Nouvelle charte' }).click();
  await page.getByText('Étape 1 sur 5').waitFor();
  await page.getByLabel('Nom de la communauté').fill('Communauté des sciences');

  const expected = new Map();
  for (let step = 1; step <= 5; step++) {
    await page.getByText(`Étape ${step} sur 5`).waitFor();
    assert.equal(new URL(page.url()).hash, `#/guide/${step}`);
    const ids = await partIds(page, '.guide-parts');
    assert.ok(ids.length >= 5, `step ${step} shows its parts`);
    for (const id of ids) {
      if (id === 'sponsor-status') continue; // chosen below, watching the advice
      expected.set(id, await fillPart(page, id));
    }
    if (step === 1) {
      const noSponsor = page.locator('[data-check="no-sponsor"]');
      await noSponsor.waitFor();
      await part(page, 'sponsor-status').locator('input[value="committed"]').check();
      await noSponsor.waitFor({ state: 'detached' });
    }
    if (step < 5) await page.getByRole('link', { name: 'Question suivante' }).click();
  }
  // Back and forward follow the steps.
  await page.goBack();
  await page.getByText('Étape 4 sur 5').waitFor();
  await page.goForward();
  await page.getByText('Étape 5 sur 5').waitFor();

  await page.getByRole('link', { name: 'Canevas' }).click();

  await page.getByRole('link', { name: 'Vue détaillée' }).click();
  await page.locator('.canvas-zone').nth(4).waitFor();
  const values = await page.locator('main input[type="text"], main textarea').evaluateAll((els) => els.map((e) => e.value));
  for (const [id, text] of expected) {
    if (text) assert.ok(values.includes(text), `the canvas shows ${id}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}canvas-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}canvas-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  const checkCharter = async (toDiscuss) => {
    for (const [id, text] of expected) {
      const shown = await (await openPart(page, id)).innerText();
      if (text) assert.ok(shown.includes(text), `the charter shows ${id}: ${shown}`);
      assert.ok(!shown.includes(toDiscuss), `${id} is filled in the charter`);
    }
  };
  await page.getByRole('link', { name: 'Charte' }).click();
  await page.getByRole('heading', { name: 'Communauté des sciences' }).waitFor();
  await checkCharter('À discuter');
  await page.screenshot({ path: `${SHOTS}charter.png`, fullPage: true });

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('link', { name: 'Charter' }).waitFor();
  await checkCharter('To discuss');
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await page.getByRole('link', { name: 'Charte' }).waitFor();
  await checkCharter('À discuter');
  assert.equal(marker('x'), 'M-x-ok');
  assert.deepEqual(problems, []);
});

test('a note is deleted with undo, and moved by keyboard within and across lists', async () => {
  const { page, problems } = await freshPage('#/canvas/details');
  const goals = (await openPart(page, 'goals'));
  await goals.locator('.note-add').click();
  await page.keyboard.type('premier');
  await goals.locator('.note-add').click();
  await page.keyboard.type('second');
  const texts = () => goals.locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(await texts(), ['premier', 'second']);

  // Alt+↑ in the second note puts it first and keeps the focus in it.
  await page.keyboard.press('Alt+ArrowUp');
  await page.waitForFunction(() => document.querySelector('[data-part="goals"] .note-text')?.value === 'second');
  assert.deepEqual(await texts(), ['second', 'premier']);
  assert.equal(await page.evaluate(() => document.activeElement?.value), 'second');

  // Move "premier" to the themes list with the menu.
  await goals.locator('.note').nth(1).getByRole('combobox', { name: 'Déplacer vers une autre liste' }).selectOption('themes');
  await (await openPart(page, 'themes')).locator('.note-text').first().waitFor();
  assert.equal(await (await openPart(page, 'themes')).locator('.note-text').first().inputValue(), 'premier');
  assert.deepEqual(await texts(), ['second']);

  // Delete, then undo: it comes back at its place.
  await goals.getByRole('button', { name: 'Supprimer la note' }).click();
  await page.getByText('Note supprimée.').waitFor();
  assert.deepEqual(await texts(), []);
  await page.getByRole('button', { name: 'Annuler' }).click();
  await goals.locator('.note-text').first().waitFor();
  assert.deepEqual(await texts(), ['second']);

  // Drag "second" onto the themes part (both on screen, as a person would see them).
  await page.setViewportSize({ width: 1280, height: 2400 });
  await goals.locator('.note-grip').first().dragTo((await openPart(page, 'themes')));
  await page.waitForFunction(() => document.querySelectorAll('[data-part="themes"] .note').length === 2);
  assert.deepEqual(await texts(), []);
  assert.deepEqual(problems, []);
});

test('a readiness item jumps to the part it is about', async () => {
  const { page, problems } = await freshPage('#/charter');
  const item = page.locator('[data-check="no-mission"]');
  await item.getByRole('button', { name: 'Aller à cette partie' }).click();
  await page.waitForFunction(() => document.activeElement?.closest('[data-part="mission"]') !== null);
  assert.equal(new URL(page.url()).hash, '#/canvas/details');
  await page.keyboard.type('Notre mission');
  await item.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
});

test('typing in one note re-renders that note only, on a board of 200 notes', async () => {
  const { page, problems } = await freshPage();
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.locator('.board-column').nth(3).waitFor();
  await page.getByRole('link', { name: 'Vue détaillée' }).click();
  await page.locator('.canvas-zone').nth(3).waitFor();
  // Bring the board to 200 notes, through the app's own buttons.
  const themes = (await openPart(page, 'themes'));
  while ((await page.locator('.note').count()) < 200) {
    await themes.locator('.note-add').click();
    await page.keyboard.type('n');
  }
  const target = (await openPart(page, 'goals')).locator('.note-text').first();
  await page.evaluate(() => {
    window.__notes = [...document.querySelectorAll('.note')];
    window.__outside = 0;
    const typed = document.querySelector('[data-part="goals"] .note');
    new MutationObserver((records) => {
      for (const r of records) if (!typed.contains(r.target)) window.__outside++;
    }).observe(document.querySelector('.canvas-board'), { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await target.focus();
  await page.keyboard.type(' et encore');
  await page.waitForFunction(() => document.querySelector('[data-part="goals"] .note-text').value.endsWith(' et encore'));
  const kept = await page.evaluate(() => window.__notes.every((n) => n.isConnected));
  assert.ok(kept, 'every note element is the same one as before');
  assert.equal(await page.evaluate(() => window.__outside), 0, 'nothing else on the board changed');
  assert.deepEqual(problems, []);
});

test('a deleted row can be undone like a note, and the focus stays in its table', async () => {
  const { page, problems } = await freshPage('#/canvas/details');
  // Sandboxed frames ignore window.confirm: deleting must never rely on it.
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  const table = (await openPart(page, 'instigators'));
  await table.locator('.record-add').click();
  await table.locator('.record input[type="text"]').first().fill('Marie');
  await table.locator('.record input[type="text"]').nth(1).fill('Enseignante');
  await table.getByRole('button', { name: 'Supprimer cette ligne 1' }).click();
  await table.locator('.record').waitFor({ state: 'detached' });
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('record-add')));
  const bar = page.getByRole('status').filter({ hasText: 'Ligne supprimée.' });
  await bar.getByRole('button', { name: 'Annuler' }).click();
  await table.locator('.record').waitFor();
  const inputs = table.locator('.record input[type="text"]');
  assert.equal(await inputs.first().inputValue(), 'Marie');
  assert.equal(await inputs.nth(1).inputValue(), 'Enseignante');
  await page.waitForFunction(() => document.activeElement?.closest('.record') !== null);
  // What came back is saved like any edit.
  await page.reload();
  await (await openPart(page, 'instigators')).locator('.record').waitFor();
  assert.equal(await (await openPart(page, 'instigators')).locator('.record input[type="text"]').first().inputValue(), 'Marie');
  assert.deepEqual(problems, []);
});
