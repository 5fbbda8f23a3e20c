// The app loads from the release build, in French first, switches language,
// and nothing on the way is broken.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';

let server;
let context;
before(async () => {
  server = await serve();
  context = await launch();
});
after(async () => {
  await context?.close();
  await server?.close();
});

test('the app opens in French, switches to English and back, with no error', async () => {
  const { page, problems } = await openPage(context, server.url);
  await page.getByRole('heading', { level: 1, name: 'Coplanifier' }).waitFor();
  await page.getByText('Planifier ensemble une communauté de pratique').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByText('Plan a community of practice together').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  await page.getByRole('button', { name: 'Passer en français' }).click();
  await page.getByText('Planifier ensemble une communauté de pratique').waitFor();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.reload();
  await page.getByText('Plan a community of practice together').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language choice is remembered');
  assert.deepEqual(problems, []);
  const favicon = server.requests.find((r) => r.path.endsWith('favicon.svg'));
  assert.ok(favicon, 'the favicon is requested and served');
});

test('phone: no screen scrolls sideways at 390 px', async () => {
  const phone = await launch({ viewport: { width: 390, height: 844 } });
  try {
    const { page, problems } = await openPage(phone, server.url);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.getByRole('heading', { level: 1, name: 'Coplanifier' }).waitFor();
    assert.equal(await overflow(), 0, 'the start screen');
    await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
    await page.locator('.board-column').first().waitFor();
    assert.equal(await overflow(), 0, 'the canvas with the example');
    for (const [name, ready] of [
      ['Parcours guidé', 'Étape 1 sur 5'],
      ['Charte', 'Partager la charte'],
      ['Accueil', 'Vos brouillons'],
    ]) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByText(ready).first().waitFor();
      assert.equal(await overflow(), 0, name);
    }
    assert.deepEqual(problems, []);
  } finally {
    await phone.close();
  }
});
