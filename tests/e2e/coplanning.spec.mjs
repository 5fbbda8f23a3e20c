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
import { openPart } from './support/app.mjs';

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
  await (await openPart(c.page, 'mission')).waitFor();
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
    await (await openPart(page, 'mission')).locator('textarea').fill('Mission revue par Béatrice');
  });
  const fromC = await colleagueReplies(
    original,
    async (page) => {
      await (await openPart(page, 'goals')).locator('.note-add').click();
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
  await (await openPart(a.page, 'mission')).waitFor();
  assert.equal(await (await openPart(a.page, 'mission')).locator('textarea').inputValue(), 'Mission revue par Béatrice');
  await a.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  // Opening the link, "Comparer avec mon brouillon", "Fusionner dans mon brouillon".
  console.log('# clicks to merge the reply by link: 2 after opening it');

  // C's file was made from the original: its old mission is not a change, so B's stays.
  panel = await openReply(a.page, fromC);
  await panel.getByText('repris sans rien demander : Buts').waitFor();
  assert.equal(await panel.getByRole('radio').count(), 0, 'nothing to choose');
  await panel.getByRole('button', { name: 'Fusionner dans mon brouillon' }).click();
  await (await openPart(a.page, 'mission')).waitFor();
  assert.equal(await (await openPart(a.page, 'mission')).locator('textarea').inputValue(), 'Mission revue par Béatrice', 'B kept');
  console.log('# clicks to merge the reply by file: 2 after choosing the file');
  const goals = await (await openPart(a.page, 'goals')).locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
  assert.equal(goals.at(-1), 'But ajouté par Charles');
  assert.equal(goals.filter((g) => g === 'But ajouté par Charles').length, 1);
  assert.deepEqual(a.problems, []);
});

test('co-planning: a part both sides changed differently is the only question, and the answer is kept', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const original = await a.page.locator('#share-link').inputValue();
  const fromB = await colleagueReplies(original, async (page) => {
    await (await openPart(page, 'mission')).locator('textarea').fill('Mission de Béatrice');
    await (await openPart(page, 'vision')).locator('textarea').fill('Vision de Béatrice');
  });
  // Meanwhile the instigator changed the mission too.
  await a.page.getByRole('link', { name: 'Canevas' }).click();
  await a.page.getByRole('link', { name: 'Vue détaillée' }).click();
  await (await openPart(a.page, 'mission')).locator('textarea').fill('Mission de l’instigatrice');
  await a.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();

  const panel = await openReply(a.page, fromB);
  const asked = await panel.locator('fieldset[data-part]').evaluateAll((fs) => fs.map((f) => f.dataset.part));
  assert.deepEqual(asked, ['mission'], 'only the conflict asks');
  await panel.getByText('repris sans rien demander : Vision').waitFor();
  await panel.locator('[data-part="mission"]').getByLabel('Prendre la version reçue').check();
  await panel.getByRole('button', { name: 'Fusionner dans mon brouillon' }).click();
  await panel.getByRole('button', { name: 'Confirmer : les parties choisies remplaceront les vôtres' }).click();
  await (await openPart(a.page, 'mission')).waitFor();
  assert.equal(await (await openPart(a.page, 'mission')).locator('textarea').inputValue(), 'Mission de Béatrice');
  assert.equal(await (await openPart(a.page, 'vision')).locator('textarea').inputValue(), 'Vision de Béatrice');
  assert.deepEqual(a.problems, []);
});

/** Clicks `button` and gives back what it put on the clipboard. */
async function copied(page, button) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
  await page.getByTestId('contributions').getByRole('button', { name: button }).click();
  await page.getByTestId('contributions').getByText('Lien copié.').waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** A colleague opens the request, gives their name, adds a note to `list` and returns their reply. */
async function contributes(request, name, list, note, byFile = false) {
  const c = await freshPage();
  await c.page.goto(request);
  const preview = c.page.getByTestId('incoming');
  const contribute = preview.getByRole('button', { name: 'Contribuer' });
  assert.match((await contribute.getAttribute('class')) ?? '', /start-primary/, 'contributing is the primary action');
  await contribute.click();
  await preview.getByRole('alert').getByText('Écrivez votre nom').waitFor();
  assert.equal(await c.page.evaluate(() => document.activeElement?.id), 'contributor-name', 'the name field has the focus');
  await c.page.keyboard.type(name);
  await c.page.keyboard.press('Tab');
  assert.equal(await c.page.evaluate(() => document.activeElement?.textContent), 'Contribuer');
  await c.page.keyboard.press('Enter');
  await (await openPart(c.page, list)).locator('.note-add').click();
  await c.page.keyboard.type(note);
  const card = (await openPart(c.page, list)).locator('.note').last();
  assert.equal(await card.locator('.note-author').inputValue(), name, 'the new note is signed');
  if (list === 'goals') await (await openPart(c.page, 'mission')).locator('textarea').fill(`Mission revue par ${name}`);
  await c.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await c.page.getByRole('link', { name: 'Charte' }).click();
  const group = c.page.getByTestId('contributions');
  await group.getByRole('heading', { name: 'Renvoyer mes contributions' }).waitFor();
  const mail = decodeURIComponent((await group.getByRole('link', { name: 'Écrire le courriel' }).getAttribute('href')) ?? '');
  assert.ok(mail.startsWith(`mailto:?subject=Contributions de ${name}`), mail.slice(0, 80));
  assert.equal(await c.page.evaluate(() => localStorage.getItem('coplanifier.name')), name, 'the name is remembered');
  let reply = await copied(c.page, 'Copier ma réponse (lien)');
  assert.ok(!reply.includes('#contrib/'), 'a reply is a plain share link');
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

test('co-planning: asking for contributions; two colleagues give their name once, sign their notes and reply by link and by file; both merge', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const group = a.page.getByTestId('contributions');
  await group.getByRole('heading', { name: 'Demander des contributions' }).waitFor();
  const request = await copied(a.page, 'Copier la demande (lien)');
  assert.match(request, /#contrib\/c3\./);
  const mail = await group.getByRole('link', { name: 'Écrire le courriel' }).getAttribute('href');
  assert.ok(decodeURIComponent(mail.split('&body=')[1]).includes(request), 'the e-mail carries the request link');

  const fromBob = await contributes(request, 'Bob Tremblay', 'goals', 'But proposé par Bob');
  const fromChloe = await contributes(request, 'Chloé Roy', 'themes', 'Thème proposé par Chloé', true);

  for (const [reply, said] of [
    [fromBob, 'Bob Tremblay : 1 note ajoutée, mission modifiée'],
    [fromChloe, 'Chloé Roy : 1 note ajoutée'],
  ]) {
    const panel = await openReply(a.page, reply);
    assert.equal(await panel.getByTestId('compare-summary').innerText(), said, 'who changed what, in words');
    assert.equal(await panel.getByRole('radio').count(), 0, 'nothing to choose');
    await panel.getByRole('button', { name: 'Fusionner dans mon brouillon' }).click();
    await (await openPart(a.page, 'mission')).waitFor();
    await a.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  }
  assert.equal(await (await openPart(a.page, 'mission')).locator('textarea').inputValue(), 'Mission revue par Bob Tremblay', "Bob's edit kept");
  for (const [list, text, author] of [['goals', 'But proposé par Bob', 'Bob Tremblay'], ['themes', 'Thème proposé par Chloé', 'Chloé Roy']]) {
    const cards = (await openPart(a.page, list)).locator('.note');
    const texts = await cards.locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
    const at = texts.indexOf(text);
    assert.ok(at >= 0, `${text} merged`);
    assert.equal(await cards.nth(at).locator('.note-author').inputValue(), author);
  }
  // The last merge can be taken back right after, in one step.
  await a.page.getByRole('button', { name: 'Défaire la fusion' }).click();
  await a.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  const themes = await (await openPart(a.page, 'themes')).locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(!themes.includes('Thème proposé par Chloé'), "Chloé's merge is taken back");
  const goals = await (await openPart(a.page, 'goals')).locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(goals.includes('But proposé par Bob'), "Bob's stays");
  await a.page.reload();
  await (await openPart(a.page, 'goals')).waitFor();
  const kept = await (await openPart(a.page, 'themes')).locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(!kept.includes('Thème proposé par Chloé'), 'the undo is saved');

  // The history keeps each merge, with whose contribution it was, and the
  // version before it; Chloé's merge can be brought back from there.
  await a.page.getByRole('link', { name: 'Charte' }).click();
  await a.page.getByRole('link', { name: 'Historique des versions' }).click();
  const history = a.page.getByRole('region', { name: 'Historique des versions' });
  await history.getByRole('heading', { name: 'Historique des versions' }).waitFor();
  const what = await history.locator('.history-what strong').allInnerTexts();
  for (const said of ['Contribution de Bob Tremblay fusionnée', 'Contribution de Chloé Roy fusionnée', 'Avant une fusion']) {
    assert.ok(what.includes(said), `the history says "${said}": ${what.join(' | ')}`);
  }
  const chloe = history.getByRole('listitem').filter({ hasText: 'Contribution de Chloé Roy fusionnée' });
  await chloe.getByRole('button', { name: 'Comparer avec maintenant' }).click();
  await chloe.getByRole('rowheader', { name: 'Thèmes' }).waitFor();
  assert.deepEqual((await new AxeBuilder({ page: a.page }).analyze()).violations.map((v) => v.id), []);
  await chloe.getByRole('button', { name: 'Restaurer cette version' }).click();
  await chloe.getByRole('button', { name: 'Confirmer : remplacer le brouillon par cette version' }).click();
  await history.locator('.history-what strong').first().getByText('Restaurée').waitFor();
  // The draft just before the restore was Bob's merge: it is still listed.
  assert.ok((await history.locator('.history-what strong').allInnerTexts()).includes('Contribution de Bob Tremblay fusionnée'), 'the draft before the restore is kept');
  await a.page.getByRole('link', { name: 'Canevas' }).click();
  const restored = await (await openPart(a.page, 'themes')).locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(restored.includes('Thème proposé par Chloé'), "Chloé's merge is back");
  assert.deepEqual(a.problems, []);
});

test('co-planning: a request sent as a file makes whoever opens it a contributor, and their reply merges', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByTestId('contributions').getByRole('button', { name: 'Télécharger la demande (fichier)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /-contributions\.coplanifier\.json$/);
  const file = join(await mkdtemp(join(tmpdir(), 'coplanifier-request-')), download.suggestedFilename());
  await download.saveAs(file);

  const c = await freshPage();
  await c.page.getByLabel('Ou choisissez un fichier .coplanifier.json').setInputFiles(file);
  const preview = c.page.getByTestId('incoming');
  const contribute = preview.getByRole('button', { name: 'Contribuer' });
  assert.match((await contribute.getAttribute('class')) ?? '', /start-primary/, 'contributing is the primary action');
  await preview.getByLabel('Votre nom').fill('Dora Lévesque');
  await contribute.click();
  await (await openPart(c.page, 'goals')).locator('.note-add').click();
  await c.page.keyboard.type('But proposé par Dora');
  const card = (await openPart(c.page, 'goals')).locator('.note').last();
  assert.equal(await card.locator('.note-author').inputValue(), 'Dora Lévesque', 'the new note is signed');
  await c.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await c.page.getByRole('link', { name: 'Charte' }).click();
  await c.page.getByTestId('contributions').getByRole('heading', { name: 'Renvoyer mes contributions' }).waitFor();
  const reply = await c.page.locator('#share-link').inputValue();
  assert.deepEqual(c.problems, []);

  const panel = await openReply(a.page, reply);
  assert.equal(await panel.getByTestId('compare-summary').innerText(), 'Dora Lévesque : 1 note ajoutée');
  await panel.getByRole('button', { name: 'Fusionner dans mon brouillon' }).click();
  const goals = await (await openPart(a.page, 'goals')).locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(goals.includes('But proposé par Dora'));
  assert.deepEqual(a.problems, []);
});
