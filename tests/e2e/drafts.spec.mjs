// Drafts are never lost: every way storage can fail is visible and survivable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { servedApp } from './support/session.mjs';
import { openPage } from './support/browser.mjs';
import { blockStorage, openPart } from './support/app.mjs';

const app = servedApp();
const { freshPage, freshContext } = app;

/** Types into the mission field of the canvas. */
async function typeMission(page, text) {
  const mission = (await openPart(page, 'mission')).locator('textarea');
  await mission.fill(text);
}

/**
 * A second tab on the canvas that can be made deaf to storage events
 * (`window.__asleep = true`), as a tab asleep on a closed laptop is.
 */
async function sleepyTab(context) {
  const b = await context.newPage();
  await b.addInitScript(() => {
    const add = window.addEventListener.bind(window);
    window.addEventListener = (type, listener, options) =>
      add(type, type === 'storage' ? (e) => window.__asleep || listener(e) : listener, options);
  });
  await b.goto(app.server.url + '#/canvas/details');
  await (await openPart(b, 'mission')).locator('textarea').waitFor();
  return b;
}

const stored = (page) =>
  page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('coplanifier.draft.')) out[k] = localStorage.getItem(k);
    }
    return out;
  });

test('drafts: reload and tab close within 100 ms of typing lose nothing', async () => {
  const context = await freshContext();
  const { page, problems } = await openPage(context, app.server.url + '#/canvas/details');
  await typeMission(page, 'Tapé juste avant de recharger');
  await page.reload();
  await (await openPart(page, 'mission')).locator('textarea').waitFor();
  assert.equal(await (await openPart(page, 'mission')).locator('textarea').inputValue(), 'Tapé juste avant de recharger');

  await typeMission(page, 'Tapé juste avant de fermer');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(app.server.url + '#/canvas/details');
  await (await openPart(again, 'mission')).locator('textarea').waitFor();
  assert.equal(await (await openPart(again, 'mission')).locator('textarea').inputValue(), 'Tapé juste avant de fermer');
  assert.deepEqual(problems, []);
});

test('drafts: quota exceeded shows a banner, keeps the text in memory and the previous save intact', async () => {
  const context = await freshContext();
  const { page } = await openPage(context, app.server.url + '#/canvas/details');
  await typeMission(page, 'Première version');
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  const before = await stored(page);
  // Fill the origin's storage to the brim.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 1000; i++) {
      try {
        localStorage.setItem(`filler.${i}`, chunk);
      } catch {
        let size = chunk.length;
        while (size > 16) {
          size = Math.floor(size / 2);
          try {
            localStorage.setItem(`filler.${i}.${size}`, chunk.slice(0, size));
          } catch {}
        }
        return;
      }
    }
  });
  await typeMission(page, 'Deuxième version, beaucoup plus longue '.repeat(50));
  const banner = page.getByTestId('storage-banner');
  await banner.getByText("l'espace du navigateur est plein").waitFor();
  assert.equal(await (await openPart(page, 'mission')).locator('textarea').inputValue(), 'Deuxième version, beaucoup plus longue '.repeat(50));
  assert.deepEqual(await stored(page), before, 'the previous save is intact');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Télécharger une copie (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.coplanifier\.json$/);
  const json = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(json.type, 'coplanifier/charter');
  assert.ok(json.charter.purpose.mission.startsWith('Deuxième version'));
});

test('drafts: storage unavailable keeps the app working in memory, with a banner and a download', async () => {
  const context = await freshContext();
  await blockStorage(context);
  const { page, problems } = await openPage(context, app.server.url + '#/canvas/details');
  const banner = page.getByTestId('storage-banner');
  await banner.getByText('ne conserve pas les brouillons').waitFor();
  await typeMission(page, 'En mémoire seulement');
  await page.getByRole('link', { name: 'Charte' }).click();
  await page.getByText('En mémoire seulement').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Télécharger une copie (JSON)' }).click(),
  ]);
  const json = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(json.charter.purpose.mission, 'En mémoire seulement');
  assert.deepEqual(problems, []);
});

test('drafts: two tabs on the same draft never overwrite each other silently', async () => {
  const context = await freshContext();
  const a = (await openPage(context, app.server.url + '#/canvas/details')).page;
  await typeMission(a, 'Version de A');
  await a.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  const b = await sleepyTab(context);
  assert.equal(await (await openPart(b, 'mission')).locator('textarea').inputValue(), 'Version de A');

  // A idle tab follows the other one.
  await a.bringToFront();
  await typeMission(a, 'A a continué');
  await a.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await b.waitForFunction(() => document.querySelector('[data-part="mission"] textarea')?.value === 'A a continué');

  // B misses A's next save (a tab asleep on a closed laptop misses storage
  // events), then types: B must not overwrite A's version without asking.
  await b.evaluate(() => {
    window.__asleep = true;
  });
  await typeMission(a, 'A tape encore');
  await a.evaluate(() => window.dispatchEvent(new Event('blur')));
  await a.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await typeMission(b, 'B tape aussi');
  await b.evaluate(() => window.dispatchEvent(new Event('blur')));
  await b.getByTestId('conflict-banner').waitFor();
  const conflicted = b;
  const other = a;
  const mine = await (await openPart(conflicted, 'mission')).locator('textarea').inputValue();
  const theirs = await (await openPart(other, 'mission')).locator('textarea').inputValue();
  assert.equal(mine, 'B tape aussi');
  assert.equal(theirs, 'A tape encore');
  await conflicted.getByRole('button', { name: 'Garder la mienne' }).click();
  await conflicted.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  // What is stored now is the version kept: a third tab opens it.
  const third = await context.newPage();
  await third.goto(app.server.url + '#/canvas/details');
  await (await openPart(third, 'mission')).locator('textarea').waitFor();
  assert.equal(await (await openPart(third, 'mission')).locator('textarea').inputValue(), mine);
  assert.equal(Object.keys(await stored(third)).length, 1, 'still one draft');
});

test('drafts: two tabs typing in different parts of one draft are merged, and neither loses a word', async () => {
  const context = await freshContext();
  const a = (await openPage(context, app.server.url + '#/canvas/details')).page;
  await typeMission(a, 'Version de A');
  await a.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  const b = await sleepyTab(context);
  // B misses A's save, then types elsewhere: both edits are kept.
  await b.evaluate(() => {
    window.__asleep = true;
  });
  await a.bringToFront();
  await typeMission(a, 'Mission tapée dans A');
  await a.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await b.bringToFront();
  await (await openPart(b, 'vision')).locator('textarea').fill('Vision tapée dans B');
  await b.getByTestId('merged-banner').waitFor();
  assert.equal(await b.getByTestId('conflict-banner').count(), 0, 'no version to pick');
  assert.equal(await (await openPart(b, 'mission')).locator('textarea').inputValue(), 'Mission tapée dans A');
  assert.equal(await (await openPart(b, 'vision')).locator('textarea').inputValue(), 'Vision tapée dans B');
  // What is stored has both: a third tab opens it.
  const third = await context.newPage();
  await third.goto(app.server.url + '#/canvas/details');
  await (await openPart(third, 'vision')).locator('textarea').waitFor();
  assert.equal(await (await openPart(third, 'mission')).locator('textarea').inputValue(), 'Mission tapée dans A');
  assert.equal(await (await openPart(third, 'vision')).locator('textarea').inputValue(), 'Vision tapée dans B');
});

test('drafts: 500 typical drafts fit in the origin quota', async () => {
  const context = await freshContext();
  const { page } = await openPage(context, app.server.url);
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  const [key, value] = Object.entries(await stored(page))[0];
  const bytes = Buffer.byteLength(key) + Buffer.byteLength(value);
  console.log(`# bytes per typical draft (the filled example, stored): ${bytes}`);
  const written = await page.evaluate(([k, v]) => {
    for (let i = 1; i < 500; i++) {
      try {
        localStorage.setItem(`${k}-copy${i}`, v);
      } catch {
        return i;
      }
    }
    return 500;
  }, [key, value]);
  assert.equal(written, 500, `only ${written} drafts of ${bytes} bytes fit`);
});

test('drafts: a corrupted entry is kept untouched, said, offered as a download, and the others still open', async () => {
  const context = await freshContext();
  const { page } = await openPage(context, app.server.url);
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await page.evaluate(() => localStorage.setItem('coplanifier.draft.cassé', '{"type":"coplanifier/charter","version":1,"charter":'));
  await page.goto(app.server.url + '#/');
  await page.reload();
  const broken = page.locator('[data-broken="coplanifier.draft.cassé"]');
  await broken.getByText("n'a pas pu être ouvert").waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    broken.getByRole('button', { name: 'Télécharger son texte brut' }).click(),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), '{"type":"coplanifier/charter","version":1,"charter":');
  assert.equal(
    await page.evaluate(() => localStorage.getItem('coplanifier.draft.cassé')),
    '{"type":"coplanifier/charter","version":1,"charter":',
    'the entry is untouched',
  );
  await page.locator('.drafts-item .drafts-open').first().click();
  await page.locator('.board-column').first().waitFor();
  assert.ok((await (await openPart(page, 'mission')).locator('textarea').inputValue()).length > 10, 'the example still opens');

  // Had the broken entry been the draft open last, the app says so on arrival.
  await page.evaluate(() => localStorage.setItem('coplanifier.current', 'cassé'));
  await page.goto(app.server.url + '#/canvas/details');
  await page.reload();
  await page.getByTestId('last-draft-unreadable').getByText("n'a pas pu être rouvert").waitFor();
});

test('drafts: the library lists, renames, duplicates and deletes with undo, by keyboard', async () => {
  const context = await freshContext();
  const { page, problems } = await openPage(context, app.server.url);
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await page.getByRole('link', { name: 'Accueil' }).click();
  const items = page.locator('.drafts-item');
  await items.first().waitFor();
  assert.equal(await items.count(), 1);
  await page.getByRole('button', { name: /^Dupliquer/ }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.drafts-item').length === 2);
  const rename = page.getByLabel('Renommer').first();
  await rename.fill('Nouveau nom');
  await rename.press('Enter');
  await page.getByRole('button', { name: 'Nouveau nom', exact: true }).waitFor();
  // The focus stays on the renamed draft's field after the list is redrawn.
  await page.waitForFunction(() => document.activeElement?.closest('.drafts-rename') !== null);
  await page.getByRole('button', { name: 'Supprimer : Nouveau nom' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('« Nouveau nom » supprimé.').waitFor();
  assert.equal(await items.count(), 1);
  // After a delete the focus is on "Undo"; Enter brings the draft back.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Annuler');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Nouveau nom', exact: true }).waitFor();
  assert.equal(await items.count(), 2);
  await page.waitForFunction(() => document.activeElement?.classList.contains('drafts-open'));
  assert.deepEqual(problems, []);
});

test('drafts: a draft opened from the library saves what is typed, with no false conflict', async () => {
  const context = await freshContext();
  const { page, problems } = await openPage(context, app.server.url);
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await page.getByRole('link', { name: 'Accueil' }).click();
  await page.getByRole('button', { name: 'Nouvelle charte' }).click();
  await page.getByText('Étape 1 sur 5').waitFor();
  await page.getByRole('link', { name: 'Accueil' }).click();
  await page.locator('.drafts-item .drafts-open').first().click();
  await typeMission(page, 'Reprise du brouillon');
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  assert.equal(await page.getByTestId('conflict-banner').count(), 0);
  await page.reload();
  await (await openPart(page, 'mission')).locator('textarea').waitFor();
  assert.equal(await (await openPart(page, 'mission')).locator('textarea').inputValue(), 'Reprise du brouillon');
  assert.deepEqual(problems, []);
});

test('drafts: work that could not be saved is never replaced without asking, in the page', async () => {
  const context = await freshContext();
  await blockStorage(context);
  const { page, problems } = await openPage(context, app.server.url + '#/canvas/details');
  // Sandboxed frames ignore window.confirm: the app must never rely on it.
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await typeMission(page, 'Seule copie');
  await page.getByRole('link', { name: 'Accueil' }).click();
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  const question = page.getByRole('alertdialog');
  await question.getByText("n'a pas pu être enregistré").waitFor();
  // The question takes the focus; keeping what is on screen changes nothing.
  await page.waitForFunction(() => document.activeElement?.id === 'replace-question');
  await question.getByRole('button', { name: "Garder ce qui est à l'écran" }).click();
  await page.getByRole('link', { name: 'Canevas' }).click();
  await page.getByRole('link', { name: 'Vue détaillée' }).click();
  assert.equal(await (await openPart(page, 'mission')).locator('textarea').inputValue(), 'Seule copie');
  // Asked again, the user may open the example after all.
  await page.getByRole('link', { name: 'Accueil' }).click();
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await question.getByRole('button', { name: 'Ouvrir quand même' }).click();
  await page.locator('.board-column').first().waitFor();
  assert.notEqual(await (await openPart(page, 'mission')).locator('textarea').inputValue(), 'Seule copie');
  assert.deepEqual(problems, []);
});

/** What the mission field of the canvas holds, once the canvas shows. */
async function missionOf(page) {
  const field = (await openPart(page, 'mission')).locator('textarea');
  await field.waitFor();
  return field.inputValue();
}

test('drafts: closing the whole browser right after a keystroke loses nothing', async () => {
  let context = await freshContext();
  const profile = context.profile;
  let { page } = await openPage(context, app.server.url + '#/canvas/details');
  let expected = '';
  for (let round = 1; round <= 4; round++) {
    const field = (await openPart(page, 'mission')).locator('textarea');
    await field.click();
    await page.keyboard.press('End');
    const burst = ` tour ${round}`;
    await page.keyboard.type(burst);
    expected += burst;
    // The whole browser goes away at once: no pause, no blur, no pagehide wait.
    await context.close();
    context = await freshContext({ profile });
    ({ page } = await openPage(context, app.server.url + '#/canvas/details'));
    assert.equal(await missionOf(page), expected, `after closing the browser, round ${round}`);
  }
});

test('drafts: a tab that crashes while typing keeps every character', async () => {
  const context = await freshContext();
  const { page } = await openPage(context, app.server.url + '#/canvas/details');
  await (await openPart(page, 'mission')).locator('textarea').click();
  // Steady typing, 8 keys a second, never a pause long enough for a debounce.
  const text = 'Trente-deux caractères tapés ici';
  assert.equal(text.length, 32);
  await page.keyboard.type(text, { delay: 125 });
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  // The command never answers: the tab it would answer from is gone.
  cdp.send('Page.crash').catch(() => {});
  await crashed;
  const again = await context.newPage();
  await again.goto(app.server.url + '#/canvas/details');
  assert.equal(await missionOf(again), text);
});

test('drafts: the start screen lists a draft typed a moment before', async () => {
  const context = await freshContext();
  const { page, problems } = await openPage(context, app.server.url + '#/canvas/details');
  await page.locator('#charter-title').fill('Typé à l’instant');
  await page.getByRole('link', { name: 'Accueil' }).click();
  // On arrival, not after a while: the draft is already listed.
  await page.locator('#drafts-title').waitFor();
  assert.equal(await page.getByText('Aucun brouillon pour l').count(), 0, 'never "no draft yet"');
  assert.equal(await page.locator('.drafts-item').getByRole('button', { name: 'Typé à l’instant', exact: true }).count(), 1);
  assert.deepEqual(problems, []);
});

test('drafts: a draft with only a title is listed in plain words', async () => {
  const context = await freshContext();
  const { page, problems } = await openPage(context, app.server.url + '#/canvas/details');
  await page.locator('#charter-title').fill('Seulement un titre');
  await page.getByRole('link', { name: 'Accueil' }).click();
  const item = page.locator('.drafts-item').filter({ hasText: 'Seulement un titre' });
  await item.getByText(/Aucune partie remplie sur \d+/).waitFor();
  await page.getByRole('link', { name: 'Canevas' }).click();
  await page.getByRole('link', { name: 'Vue détaillée' }).click();
  await (await openPart(page, 'mission')).locator('textarea').fill('Une mission');
  await page.getByRole('link', { name: 'Accueil' }).click();
  await item.getByText(/1 partie remplie sur \d+/).waitFor();
  assert.deepEqual(problems, []);
});

test('drafts: taking the other tab\'s version says so when that tab deleted the draft', async () => {
  const context = await freshContext();
  const a = (await openPage(context, app.server.url + '#/canvas/details')).page;
  await typeMission(a, 'Version de A');
  await a.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  const b = await sleepyTab(context);
  await b.evaluate(() => {
    window.__asleep = true;
  });
  await a.bringToFront();
  await typeMission(a, 'A tape encore');
  await b.bringToFront();
  await typeMission(b, 'B tape aussi');
  await b.getByTestId('conflict-banner').waitFor();
  // Meanwhile A deletes the draft from the library.
  await a.bringToFront();
  await a.getByRole('link', { name: 'Accueil' }).click();
  await a.locator('.drafts-item .drafts-delete').first().click();
  await a.getByText('supprimé.').waitFor();
  await b.bringToFront();
  await b.getByRole('button', { name: "Prendre la version de l'autre onglet" }).click();
  await b.getByTestId('drafts-notice').getByText("L'autre onglet a supprimé ce brouillon").waitFor();
  assert.equal(await (await openPart(b, 'mission')).locator('textarea').inputValue(), 'B tape aussi', 'what B typed stays');
  await b.getByRole('button', { name: 'Garder la mienne' }).click();
  await b.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  assert.equal(Object.values(await stored(b)).length, 1, 'B saved it again');
});

test('drafts: a charter file dropped anywhere on the app opens in the preview', async () => {
  const context = await freshContext();
  const { page, problems } = await openPage(context, app.server.url + '#/canvas/details');
  const json = JSON.stringify({ type: 'coplanifier/charter', version: 1, charter: { id: 'deposee', title: 'Charte déposée' } });
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'deposee.coplanifier.json', { type: 'application/json' }));
    return dt;
  }, json);
  await (await openPart(page, 'goals')).dispatchEvent('dragover', { dataTransfer });
  await (await openPart(page, 'goals')).dispatchEvent('drop', { dataTransfer });
  await page.getByTestId('incoming').getByText('Charte déposée').waitFor();
  assert.ok(page.url().includes('#/canvas/details'), 'the app is still there');
  assert.deepEqual(problems, []);
});
