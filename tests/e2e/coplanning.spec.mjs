// Co-planning round trips in three browser profiles: an instigator sends a
// link; one colleague replies by link, another by link made from the same
// original. Each contribution merges itself: what only a colleague changed
// is taken without a question, and the second reply does not undo the
// first. Only a part both sides changed differently asks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp } from './support/session.mjs';
import { part } from './support/app.mjs';

const app = servedApp();
const { freshPage } = app;

async function openExampleCharter(page) {
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await page.getByRole('link', { name: 'Charte' }).click();
  await page.locator('.charter-doc').waitFor();
}

/**
 * A colleague opens `link` in a profile of their own, edits, and returns
 * the link of their version, or (`byFile`) the path of the file they
 * downloaded.
 */
async function colleagueReplies(link, edit, byFile = false) {
  const c = await freshPage();
  await c.page.goto(link);
  await c.page.getByTestId('incoming').getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
  await part(c.page, 'mission').waitFor();
  await edit(c.page);
  await c.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await c.page.getByRole('link', { name: 'Charte' }).click();
  let reply = await c.page.locator('#share-link').inputValue();
  if (byFile) {
    const [download] = await Promise.all([
      c.page.waitForEvent('download'),
      c.page.locator('.share').getByRole('button', { name: 'Télécharger une copie (JSON)' }).click(),
    ]);
    reply = join(await mkdtemp(join(tmpdir(), 'coplanifier-reply-')), download.suggestedFilename());
    await download.saveAs(reply);
  }
  assert.deepEqual(c.problems, []);
  return reply;
}

/** The instigator opens a reply (a link, or a file's path): comparing is the first thing offered, and the merge is three-way. */
async function openReply(page, reply) {
  if (reply.startsWith('http')) {
    await page.goto(reply);
  } else {
    await page.getByRole('link', { name: 'Accueil' }).click();
    await page.getByLabel('Ou choisissez un fichier .coplanifier.json').setInputFiles(reply);
  }
  const preview = page.getByTestId('incoming');
  const compare = preview.getByRole('button', { name: 'Comparer avec mon brouillon' });
  assert.match((await compare.getAttribute('class')) ?? '', /start-primary/, 'comparing is the primary action');
  assert.doesNotMatch(
    (await preview.getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).getAttribute('class')) ?? '',
    /start-primary/,
  );
  await compare.click();
  const panel = preview.getByTestId('compare');
  await panel.getByTestId('compare-three-way').waitFor();
  return panel;
}

test('co-planning: one colleague replies by link, one by file, both from one link; both merge and neither undoes the other', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const original = await a.page.locator('#share-link').inputValue();

  const fromB = await colleagueReplies(original, async (page) => {
    await part(page, 'mission').locator('textarea').fill('Mission revue par Béatrice');
  });
  const fromC = await colleagueReplies(
    original,
    async (page) => {
      await part(page, 'goals').locator('.note-add').click();
      await page.keyboard.type('But ajouté par Charles');
    },
    true,
  );

  // B's reply: the mission changed only there, so it is taken without a question.
  let panel = await openReply(a.page, fromB);
  await panel.getByText('repris sans rien demander : Mission').waitFor();
  assert.equal(await panel.getByRole('radio').count(), 0, 'nothing to choose');
  const axe = await new AxeBuilder({ page: a.page }).include('[data-testid="incoming"]').analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  await panel.getByRole('button', { name: 'Fusionner dans mon brouillon' }).click();
  await part(a.page, 'mission').waitFor();
  assert.equal(await part(a.page, 'mission').locator('textarea').inputValue(), 'Mission revue par Béatrice');
  await a.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  // Opening the link, "Comparer avec mon brouillon", "Fusionner dans mon brouillon".
  console.log('# clicks to merge the reply by link: 2 after opening it');

  // C's file was made from the original: its old mission is not a change, so B's stays.
  panel = await openReply(a.page, fromC);
  await panel.getByText('repris sans rien demander : Buts').waitFor();
  assert.equal(await panel.getByRole('radio').count(), 0, 'nothing to choose');
  await panel.getByRole('button', { name: 'Fusionner dans mon brouillon' }).click();
  await part(a.page, 'mission').waitFor();
  assert.equal(await part(a.page, 'mission').locator('textarea').inputValue(), 'Mission revue par Béatrice', 'B kept');
  console.log('# clicks to merge the reply by file: 2 after choosing the file');
  const goals = await part(a.page, 'goals').locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
  assert.equal(goals.at(-1), 'But ajouté par Charles');
  assert.equal(goals.filter((g) => g === 'But ajouté par Charles').length, 1);
  assert.deepEqual(a.problems, []);
});

test('co-planning: a part both sides changed differently is the only question, and the answer is kept', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const original = await a.page.locator('#share-link').inputValue();
  const fromB = await colleagueReplies(original, async (page) => {
    await part(page, 'mission').locator('textarea').fill('Mission de Béatrice');
    await part(page, 'vision').locator('textarea').fill('Vision de Béatrice');
  });
  // Meanwhile the instigator changed the mission too.
  await a.page.getByRole('link', { name: 'Canevas' }).click();
  await part(a.page, 'mission').locator('textarea').fill('Mission de l’instigatrice');
  await a.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();

  const panel = await openReply(a.page, fromB);
  const asked = await panel.locator('fieldset[data-part]').evaluateAll((fs) => fs.map((f) => f.dataset.part));
  assert.deepEqual(asked, ['mission'], 'only the conflict asks');
  await panel.getByText('repris sans rien demander : Vision').waitFor();
  await panel.locator('[data-part="mission"]').getByLabel('Prendre la version reçue').check();
  await panel.getByRole('button', { name: 'Fusionner dans mon brouillon' }).click();
  await panel.getByRole('button', { name: 'Confirmer : les parties choisies remplaceront les vôtres' }).click();
  await part(a.page, 'mission').waitFor();
  assert.equal(await part(a.page, 'mission').locator('textarea').inputValue(), 'Mission de Béatrice');
  assert.equal(await part(a.page, 'vision').locator('textarea').inputValue(), 'Vision de Béatrice');
  assert.deepEqual(a.problems, []);
});
