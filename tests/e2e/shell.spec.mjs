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
