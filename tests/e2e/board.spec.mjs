// The board a group reads at a glance in a meeting room: every question and
// every part of the example fit one 1366×768 screen and a 1920×1080
// projector; a card opens its part in a side panel, with the keyboard;
// notes read in full; projector mode is large, high-contrast, and hands out
// the share QR code. axe finds nothing, in French and English.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { servedApp } from './support/session.mjs';
import { keyboard, readQr } from './support/app.mjs';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;
const app = servedApp();
before(async () => {
  await mkdir(SHOTS, { recursive: true });
});

const axe = async (page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);

/** Everything of `locator` that is not wholly inside the window, by its text. */
async function outOfView(page, locator) {
  const { width, height } = page.viewportSize();
  return locator.evaluateAll(
    (els, [w, h]) =>
      els
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.top < 0 || r.left < 0 || r.bottom > h || r.right > w || r.height === 0;
        })
        .map((e) => e.textContent.trim().slice(0, 40)),
    [width, height],
  );
}

const LANGS = [
  { lang: 'French', locale: 'fr-CA', example: "Ouvrir l'exemple", board: 'Canevas', project: 'Mode projection', leave: 'Quitter le mode projection', close: 'Fermer le panneau', details: 'Vue détaillée' },
  { lang: 'English', locale: 'en-CA', example: 'Open the example', board: 'Canvas', project: 'Projector mode', leave: 'Leave projector mode', close: 'Close the panel', details: 'Detailed view' },
];

for (const t of LANGS) {
  test(`board: the example's four questions and every part fit 1366×768 and 1920×1080, axe 0, in ${t.lang}`, async () => {
    const { page, problems } = await app.freshPage('', { locale: t.locale, viewport: { width: 1366, height: 768 } });
    await page.getByRole('button', { name: t.example }).click();
    await page.getByRole('link', { name: t.board, exact: true }).click();
    const cards = page.locator('.board-card');
    await cards.first().waitFor();
    const count = await cards.count();
    assert.ok(count >= 45, `${count} parts on the board`);
    for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      const headings = page.locator('.board-column h3');
      assert.equal(await headings.count(), 5);
      assert.deepEqual(await outOfView(page, headings), [], `${size.width}: every question heading in view`);
      assert.deepEqual(await outOfView(page, page.locator('.board-card-label')), [], `${size.width}: every part label in view`);
      const scroll = await page.evaluate(() => document.scrollingElement.scrollHeight);
      assert.ok(scroll <= size.height, `${size.width}: the page is ${scroll} px tall`);
      await page.screenshot({ path: `${SHOTS}board-${t.locale}-${size.width}.png` });
    }
    // A filled part shows how full it is and its first items.
    const mission = page.locator('[data-card="mission"]');
    assert.match(await mission.getAttribute('class'), /board-card-filled/);
    const goals = page.locator('[data-card="goals"] .board-card-count');
    assert.match(await goals.innerText(), /^\d+$/);
    assert.deepEqual(await axe(page), []);
    // The detailed canvas of before is one link away.
    await page.getByRole('link', { name: t.details }).click();
    await page.locator('.canvas-zone').nth(4).waitFor();
    assert.deepEqual(problems, []);
  });
}

test('board: a card opens its part in the side panel with the keyboard, the edit shows on the card, Escape gives the focus back', async () => {
  const { page, problems } = await app.freshPage('#/canvas', { viewport: { width: 1366, height: 768 } });
  const keys = keyboard(page);
  await keys.tabTo('[data-card="mission"]');
  await keys.press('Enter');
  const panel = page.getByRole('region', { name: 'Mission', exact: true });
  await panel.waitFor();
  const field = panel.getByRole('textbox', { name: 'Mission' });
  await page.waitForFunction(() => document.activeElement?.id === 'part-mission-input');
  await page.keyboard.type('Apprendre ensemble, entre écoles');
  await page.locator('[data-card="mission"]').getByText('Apprendre ensemble, entre écoles').waitFor();
  assert.equal(await field.inputValue(), 'Apprendre ensemble, entre écoles');
  // The same part's editor is on the page once: its ids stay unique.
  assert.equal(await page.locator('#part-mission-input').count(), 1);
  // The next part, then back.
  await panel.getByRole('button', { name: 'Partie suivante' }).click();
  await page.locator('#board-panel:not([data-panel="mission"])').waitFor();
  await page.locator('#board-panel').getByRole('button', { name: 'Partie précédente' }).click();
  await page.locator('#board-panel[data-panel="mission"]').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#board-panel').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.dataset.card === 'mission');
  assert.equal(await page.locator('[data-card="mission"]').getAttribute('aria-expanded'), 'false');
  // Saved at once, like any edit.
  await page.reload();
  await page.locator('[data-card="mission"]').getByText('Apprendre ensemble, entre écoles').waitFor();
  assert.deepEqual(problems, []);
});

test('board: notes read in full, their controls show on hover and focus, and a note added in the panel counts on its card', async () => {
  const { page, problems } = await app.freshPage('#/canvas', { viewport: { width: 1366, height: 768 } });
  await page.locator('[data-card="goals"]').click();
  const panel = page.locator('#board-panel');
  await panel.getByRole('button', { name: 'Ajouter une note' }).click();
  const long = 'Un but écrit longuement, '.repeat(12).trim();
  await page.keyboard.type(long);
  const note = panel.locator('.note').first();
  const text = note.locator('.note-text');
  const { scroll, client } = await text.evaluate((e) => ({ scroll: e.scrollHeight, client: e.clientHeight }));
  assert.ok(scroll <= client + 1, `the note shows all its text (${scroll} > ${client})`);
  const opacity = () => note.locator('.note-actions').evaluate((e) => getComputedStyle(e).opacity);
  assert.equal(await opacity(), '1', 'while the note has the focus');
  await page.locator('.board-column h3').first().click();
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#board-panel .note-actions')).opacity === '0');
  await note.hover();
  assert.equal(await opacity(), '1', 'on hover');
  await page.locator('[data-card="goals"] .board-card-count').getByText('1').waitFor();
  assert.deepEqual(problems, []);
});

for (const t of LANGS) {
  test(`board: projector mode is large and high-contrast, fits 1920×1080, shows a QR code that opens the charter, axe 0, in ${t.lang}`, async () => {
    const { page, problems } = await app.freshPage('', { locale: t.locale, viewport: { width: 1920, height: 1080 } });
    await page.getByRole('button', { name: t.example }).click();
    await page.getByRole('link', { name: t.board, exact: true }).click();
    const before = await page.locator('.board-card-label').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await page.getByRole('button', { name: t.project }).click();
    await page.locator('body.projecting').waitFor();
    const after = await page.locator('.board-card-label').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(after > before, `larger type: ${after} px against ${before} px`);
    assert.equal(await page.locator('.shell-header').isVisible(), false, 'the board alone');
    assert.deepEqual(await outOfView(page, page.locator('.board-column h3, .board-card-label')), []);
    // A smaller projector, and an older 1024×768 one: still one screen.
    for (const size of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      assert.deepEqual(await outOfView(page, page.locator('.board-column h3, .board-card-label, .board-qr-code')), [], `projecting at ${size.width}×${size.height}`);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    const read = await readQr(page, 'board-qr-code');
    assert.ok(read?.startsWith(`${app.server.url}#C3.`), `the code opens the charter: ${read?.slice(0, 50)}`);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: `${SHOTS}board-projector-${t.locale}.png` });
    await page.getByRole('button', { name: t.leave }).click();
    await page.locator('body:not(.projecting)').waitFor();
    await page.getByRole('button', { name: t.project }).click();
    await page.locator('body.projecting').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('body:not(.projecting)').waitFor();
    assert.equal(await page.locator('.shell-header').isVisible(), true);
    assert.deepEqual(problems, []);
  });
}

test('board: on a phone the panel opens as a sheet at the foot of the window, the tapped card stays in view, the menu stays in reach', async () => {
  const { page, problems } = await app.freshPage('', { viewport: { width: 390, height: 844 } });
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  const card = page.locator('[data-card="mission"]');
  await card.click();
  const panel = page.locator('#board-panel');
  await panel.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'part-mission-input');
  const [c, p] = await Promise.all([card.boundingBox(), panel.boundingBox()]);
  assert.ok(c.y >= 0 && c.y + c.height <= p.y, `the card (${c.y}–${c.y + c.height}) is above the sheet (${p.y})`);
  assert.ok(p.y + p.height <= 844 + 1, 'the sheet ends at the foot of the window');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'nothing scrolls sideways');
  // The navigation is still there: the charter is one tap away.
  await page.getByRole('link', { name: 'Charte' }).click();
  await page.locator('.charter-doc').waitFor();
  assert.deepEqual(problems, []);
});
