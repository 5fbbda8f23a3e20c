// The smoke journey that staff take in any browser, written once against a
// small driver interface so that Firefox (puppeteer-core over WebDriver
// BiDi) and WebKitGTK (selenium-webdriver and WebKitWebDriver) run the same
// steps: open, example, type, reload, link, second profile, file, guided
// path, language. Every wait is on a condition, never a pause.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A driver is { goto(url), run(fn, ...args), click(find, name), type(css, text),
 * setFile(css, path), resize(width, height), reload(), newProfile(), close() }.
 * `run` runs `fn` in the page and returns its (JSON) result; `click` clicks,
 * as a person would, the element that `find` (run in the page) returns.
 */

/** Finds a button or link by its visible text or accessible name (run in the page). */
export function byName(name) {
  const all = [...document.querySelectorAll('button, a')];
  return (
    all.find((e) => e.textContent.trim() === name || e.getAttribute('aria-label') === name) ?? null
  );
}

/** Finds a part's card on the board by the part's id (run in the page). */
export function byCard(id) {
  return document.querySelector(`[data-card="${id}"]`);
}

/** Polls `fn` in the page until it returns a truthy value, for at most `ms`. */
export async function until(driver, what, fn, args = [], ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await driver.run(fn, ...args);
    if (value) return value;
    if (Date.now() > end) {
      const seen = await driver.run(() => `${location.hash} focus=${document.activeElement?.tagName}#${document.activeElement?.id}`);
      throw new Error(`never happened: ${what} (${seen})`);
    }
    await driver.yieldTurn();
  }
}

const hasText = (text) => document.body?.innerText.includes(text) ?? false;
const valueOf = (css) => document.querySelector(css)?.value ?? null;
const MISSION = '[data-part="mission"] textarea';

export async function journey(driver, url, engine) {
  // Open: the app starts, in French.
  await driver.goto(url);
  await until(driver, 'the app starts', hasText, ['Planifier ensemble une communauté de pratique']);
  assert.equal(await driver.run(() => document.documentElement.lang), 'fr');

  // The example, on a 1,280-pixel screen: nothing scrolls sideways.
  await driver.resize(1280, 900);
  await driver.click(byName, "Ouvrir l'exemple");
  await until(driver, 'the example on the board', () => document.querySelectorAll('.board-column').length === 5);
  const overflow = await driver.run(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${engine}: the board scrolls sideways by ${overflow} px`);

  // The mission's card opens it in the side panel.
  await driver.click(byCard, 'mission');
  await until(driver, 'the mission in the panel', (css) => document.querySelector(css) !== null, [MISSION]);

  // Type, then reload: what was typed is there.
  const typed = `Mission tapée dans ${engine}`;
  await driver.run((css) => {
    const t = document.querySelector(css);
    t.value = '';
    t.dispatchEvent(new Event('input', { bubbles: true }));
  }, MISSION);
  await driver.type(MISSION, typed);
  await until(driver, 'saved', hasText, ['Enregistré dans ce navigateur']);
  await driver.reload();
  await until(driver, 'the board after a reload', () => document.querySelector('[data-card="mission"]') !== null);
  await driver.click(byCard, 'mission');
  await until(driver, 'the draft after a reload', (css, v) => document.querySelector(css)?.value === v, [MISSION, typed]);

  // A link, opened in a second profile, saved there.
  await driver.click(byName, 'Charte');
  const link = await until(driver, 'the share link', valueOf, ['#share-link']);
  assert.ok(link.startsWith(url) && link.includes('#c'), link);
  const other = await driver.newProfile();
  try {
    await other.goto(link);
    await until(other, 'the charter received', () => document.querySelector('[data-testid="incoming"]') !== null);
    await other.click(byName, 'Enregistrer comme nouveau brouillon');
    await until(other, 'the board there', () => document.querySelector('[data-card="mission"]') !== null);
    await other.click(byCard, 'mission');
    await until(other, 'the charter saved there', (css, v) => document.querySelector(css)?.value === v, [MISSION, typed]);

    // A file, picked in the start screen.
    const dir = await mkdtemp(join(tmpdir(), `coplanifier-${engine}-`));
    const file = join(dir, 'recue.coplanifier.json');
    const envelope = { type: 'coplanifier/charter', version: 1, charter: { id: 'fichier-recu', title: 'Charte reçue par fichier' } };
    await writeFile(file, JSON.stringify(envelope));
    await other.click(byName, 'Accueil');
    await until(other, 'the start screen', () => document.querySelector('#open-file') !== null);
    await other.setFile('#open-file', file);
    await until(other, 'the file received', hasText, ['Charte reçue par fichier']);
  } finally {
    await other.close();
  }

  // The guided path: the next step opens at its heading, focused.
  await driver.click(byName, 'Parcours guidé');
  await until(driver, 'step 1', hasText, ['Étape 1 sur 5']);
  await driver.click(byName, 'Question suivante');
  await until(driver, 'step 2, focused', () => document.activeElement?.id === 'guide-question' && document.body.innerText.includes('Étape 2 sur 5'));

  // The language switch.
  await driver.click(byName, 'Switch to English');
  await until(driver, 'English', hasText, ['Plan a community of practice together']);
  assert.equal(await driver.run(() => document.documentElement.lang), 'en');
  assert.equal(await driver.run(() => document.getElementById('boot')), null);
}
