// Step 5, launching the community: filled with the keyboard in French and in
// English, checked against the school year, and shown in the charter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { servedApp } from './support/session.mjs';
import { keyboard, part, openPart } from './support/app.mjs';

const app = servedApp();

for (const [lang, locale, step, toDiscuss] of [
  ['French', 'fr-CA', 'Étape 5 sur 5', 'À discuter'],
  ['English', 'en-CA', 'Step 5 of 5', 'To discuss'],
]) {
  test(`launch: the fifth step is filled with the keyboard in ${lang}, with no axe violation`, async () => {
    const { page, problems } = await app.freshPage('#/guide/5', { locale });
    await page.getByText(step).waitFor();
    const axe = async () => (await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);
    assert.deepEqual(await axe(), [], 'the empty step');
    const keys = keyboard(page);
    const typed = await keys.fillStep();
    assert.ok(typed >= 10, `typed into ${typed} fields`);
    assert.deepEqual(await axe(), [], 'the filled step');
    const ids = await page.locator('.guide-parts [data-part]').evaluateAll((els) => els.map((e) => e.dataset.part));
    assert.deepEqual(ids, [
      'roles', 'frequency', 'duration', 'mode', 'landmarks', 'meetings', 'value', 'review-date',
      'kickoff-agenda', 'first-activities', 'welcome', 'tools',
    ]);
    await keys.tabTo('.guide-next');
    await keys.press('Enter');
    await page.locator('.charter-doc').waitFor();
    for (const id of ids) {
      const shown = await (await openPart(page, id)).innerText();
      assert.ok(!shown.includes(toDiscuss), `${id} is filled in the charter: ${shown}`);
    }
    const review = await part(page, 'review-date').innerText();
    assert.match(review, lang === 'French' ? /15 juin 2027/ : /June 15, 2027/);
    assert.deepEqual(await axe(), [], 'the charter');
    assert.deepEqual(problems, []);
  });
}

test('launch: a first meeting on a landmark of the school year is pointed out, as advice', async () => {
  const { page, problems } = await app.freshPage('#/guide/5');
  const landmarks = (await openPart(page, 'landmarks'));
  await landmarks.locator('.record-add').click();
  await landmarks.getByLabel('Repère').fill('Remise des bulletins');
  await landmarks.getByLabel('Du').fill('2026-11-16');
  await landmarks.getByLabel('Au (s\'il y a lieu)').fill('2026-11-20');
  const meetings = (await openPart(page, 'meetings'));
  await meetings.locator('.record-add').click();
  await meetings.getByLabel('Date').fill('2026-11-18');
  const advice = page.locator('[data-check="meeting-on-landmark"]');
  await advice.waitFor();
  await meetings.getByLabel('Date').fill('2026-11-25');
  await advice.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
});
