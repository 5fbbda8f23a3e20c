// The guided path, as a newcomer follows it on a desktop and on a phone:
// each step opens at its question, with the focus there, so that the next
// key acts on the new step and never skips one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './support/session.mjs';

const app = servedApp();

/** Where the new step's heading sits, and whether it has the focus. */
function heading(page, id) {
  return page.evaluate((id) => {
    const h = document.getElementById(id);
    const r = h.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight, focused: document.activeElement === h, text: h.textContent };
  }, id);
}

for (const [device, viewport] of [
  ['desktop', { width: 1366, height: 768 }],
  ['phone', { width: 390, height: 844 }],
]) {
  test(`guide (${device}): "Question suivante" and "Voir la charte" open the new step at its heading, focused`, async () => {
    const { page, problems } = await app.freshPage('', { viewport });
    await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
    await page.locator('.board-column').first().waitFor();
    await page.getByRole('link', { name: 'Parcours guidé' }).click();
    await page.getByText('Étape 1 sur 5').waitFor();
    for (let step = 2; step <= 5; step++) {
      // The button sits at the foot of a long step: scrolled there first, as a person would.
      const next = page.getByRole('link', { name: 'Question suivante' });
      await next.scrollIntoViewIfNeeded();
      await next.click();
      await page.getByText(`Étape ${step} sur 5`).waitFor();
      const h = await heading(page, 'guide-question');
      assert.ok(h.top >= 0 && h.bottom <= h.height, `step ${step}: the heading is on screen (${h.top} px)`);
      assert.ok(h.focused, `step ${step}: the focus is on the heading`);
    }
    // Enter now does not skip a step: the focus left the button.
    await page.keyboard.press('Enter');
    assert.ok(page.url().endsWith('#/guide/5'), page.url());
    const finish = page.getByRole('link', { name: 'Voir la charte' });
    await finish.scrollIntoViewIfNeeded();
    await finish.click();
    await page.waitForFunction(() => document.activeElement?.id === 'charter-doc-title');
    const h = await heading(page, 'charter-doc-title');
    assert.ok(h.top >= 0 && h.bottom <= h.height, `the charter's title is on screen (${h.top} px)`);
    assert.deepEqual(problems, []);
  });
}
