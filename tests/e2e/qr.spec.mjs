// QR codes of real charters: every corpus charter up to half-filled gets a
// code; read back from Chromium's rendering by an independent decoder
// (jsQR), it is a link that opens the same charter. The code shows large
// for the meeting room, and a charter too long for a code says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { servedApp } from './support/session.mjs';
import { readQr } from './support/app.mjs';

const app = servedApp();
const { freshPage } = app;
const CORPUS = new URL('../../bench/corpus/', import.meta.url).pathname;

/** Opens a corpus file as a person does, saves it, and shows its charter view. */
async function openCorpus(page, name) {
  await page.getByLabel('Ou choisissez un fichier .coplanifier.json').setInputFiles(join(CORPUS, `${name}.coplanifier.json`));
  await page.getByTestId('incoming').getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await page.getByRole('link', { name: 'Charte' }).click();
  await page.locator('.charter-doc').waitFor();
}

for (const name of ['01-starting-fr', '02-starting-en', '03-half-fr', '04-half-en', '08-half-fr-held-out']) {
  test(`qr: the code of ${name} reads back as a link that opens the same charter`, async () => {
    const a = await freshPage();
    await openCorpus(a.page, name);
    const qr = a.page.getByTestId('share-qr');
    const version = Number(await qr.getAttribute('data-version'));
    assert.ok(version >= 1 && version <= 25, `version ${version}`);
    const read = await readQr(a.page, 'share-qr');
    assert.ok(read, 'jsQR reads the code');
    assert.ok(read.startsWith(`${app.server.url}#C3.`), read.slice(0, 60));
    const title = await a.page.locator('.charter-doc h2').innerText();
    const notes = await a.page.locator('.charter-doc li').count();

    const b = await freshPage();
    await b.page.goto(read);
    await b.page.getByTestId('incoming').getByText(title).waitFor();
    await b.page.getByTestId('incoming').getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
    await b.page.getByRole('link', { name: 'Charte' }).click();
    await b.page.locator('.charter-doc').waitFor();
    assert.equal(await b.page.locator('.charter-doc li').count(), notes, 'every note came through the code');
    assert.deepEqual(a.problems, []);
    assert.deepEqual(b.problems, []);
  });
}

test('links: the c3 link of every corpus charter opens, in another profile, as the same charter', async () => {
  const names = ['01-starting-fr', '02-starting-en', '03-half-fr', '04-half-en', '05-full-example-fr',
    '06-full-example-en', '07-large-fr', '08-half-fr-held-out', '09-notes-200-fr', '10-notes-400-fr',
    '11-full-fr-held-out'];
  const a = await freshPage();
  const b = await freshPage();
  for (const name of names) {
    await a.page.goto(app.server.url);
    await openCorpus(a.page, name);
    const link = await a.page.locator('#share-link').inputValue();
    assert.match(link, /#c3\./, `${name} is written with c3`);
    const doc = await a.page.locator('.charter-doc').innerText();
    await b.page.goto('about:blank');
    await b.page.goto(link);
    await b.page.getByTestId('incoming').getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
    await b.page.getByRole('link', { name: 'Charte' }).click();
    await b.page.locator('.charter-doc').waitFor();
    assert.equal(await b.page.locator('.charter-doc').innerText(), doc, `${name} reads the same`);
    await b.page.evaluate(() => localStorage.clear());
    await a.page.evaluate(() => localStorage.clear());
  }
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

test('qr: "Montrer à l’écran" shows the code large, by keyboard, and Escape brings focus back', async () => {
  const a = await freshPage('', { viewport: { width: 1366, height: 768 } });
  await openCorpus(a.page, '03-half-fr');
  const show = a.page.getByRole('button', { name: "Montrer à l'écran" });
  await show.focus();
  await a.page.keyboard.press('Enter');
  const screen = a.page.getByRole('dialog');
  await screen.waitFor();
  const close = screen.getByRole('button', { name: 'Fermer' });
  assert.ok(await close.evaluate((el) => el === document.activeElement), 'focus moves into the view');
  const box = await a.page.getByTestId('qr-screen-code').boundingBox();
  assert.ok(box.height >= 500, `the code fills the screen: ${box.height} px`);
  assert.equal(await readQr(a.page, 'qr-screen-code'), await readQr(a.page, 'share-qr'));
  const axe = await new AxeBuilder({ page: a.page }).include('[data-testid="qr-screen"]').analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  await a.page.keyboard.press('Escape');
  await screen.waitFor({ state: 'detached' });
  assert.ok(await show.evaluate((el) => el === document.activeElement), 'focus is back on the button');
  assert.deepEqual(a.problems, []);
});

test('qr: a charter too long for a code says so in plain words', async () => {
  const a = await freshPage();
  await openCorpus(a.page, '07-large-fr');
  await a.page.getByTestId('share-qr-none').getByText('trop longue pour un code QR').waitFor();
  assert.equal(await a.page.getByTestId('share-qr').count(), 0);
  const text = await a.page.getByTestId('share-qr-none').innerText();
  assert.doesNotMatch(text, /\d/, 'no character counts');
});
