// Sharing without a server: links, pasted links, files, Markdown and print,
// with hostile text staying text and bad input changing nothing saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp } from './support/session.mjs';
import { readDraft, itemIds, openPart } from './support/app.mjs';

const app = servedApp();
const { freshPage, freshContext } = app;

const storedDrafts = (page) =>
  page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('coplanifier.draft.')).map((k) => [k, localStorage.getItem(k)])),
  );

async function openExampleCharter(page) {
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await page.getByRole('link', { name: 'Charte' }).click();
  await page.locator('.charter-doc').waitFor();
}

test('share: a link carries the charter in its fragment and opens as a new draft after a preview', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const link = await a.page.locator('#share-link').inputValue();
  const url = new URL(link);
  assert.equal(url.search, '', 'nothing in the query string');
  assert.match(url.hash, /^#c3\.[A-Za-z0-9_-]+[A-Za-z0-9]$/, 'a c3 link that never ends in - or _');
  const title = await a.page.locator('.charter-doc h2').innerText();

  const b = await freshPage();
  await b.page.goto(link);
  const preview = b.page.getByTestId('incoming');
  await preview.getByText(title).waitFor();
  assert.equal(new URL(b.page.url()).hash, '', 'the fragment is cleared once handled');
  assert.deepEqual(await storedDrafts(b.page), {}, 'nothing saved before the user says so');
  await preview.getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
  await b.page.locator('.board-column').first().waitFor();
  assert.equal(await b.page.locator('#charter-title').inputValue(), title);
  await b.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  // The link kept every note's and row's id: the colleague's copy matches note by note.
  const idsIn = async (page) => {
    const drafts = Object.values(await storedDrafts(page));
    assert.equal(drafts.length, 1);
    return itemIds((await readDraft(drafts[0])).charter);
  };
  const mine = await idsIn(a.page);
  assert.ok(mine.length > 40, `the example's notes and rows: ${mine.length}`);
  assert.deepEqual(await idsIn(b.page), mine);

  // The same link again, where the draft now exists: replacing needs a confirmation.
  await b.page.goto(link);
  const again = b.page.getByTestId('incoming');
  await again.getByText('Vous avez déjà un brouillon de cette charte').waitFor();
  await again.getByRole('button', { name: 'Remplacer mon brouillon' }).click();
  await again.getByRole('button', { name: 'Confirmer le remplacement' }).waitFor();
  await again.getByRole('button', { name: 'Ignorer' }).click();
  await again.waitFor({ state: 'detached' });
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

test('share: replacing a draft with a received version keeps the draft in the history, and it comes back from there', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const link = await a.page.locator('#share-link').inputValue();
  await a.page.getByRole('link', { name: 'Canevas' }).click();
  await (await openPart(a.page, 'mission')).locator('textarea').fill('Ma mission à moi');
  await a.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await a.page.goto(link);
  const incoming = a.page.getByTestId('incoming');
  await incoming.getByRole('button', { name: 'Remplacer mon brouillon' }).click();
  await incoming.getByRole('button', { name: 'Confirmer le remplacement' }).click();
  await incoming.waitFor({ state: 'detached' });
  assert.notEqual(await (await openPart(a.page, 'mission')).locator('textarea').inputValue(), 'Ma mission à moi');
  await a.page.getByRole('link', { name: 'Charte' }).click();
  await a.page.getByRole('link', { name: 'Historique des versions' }).click();
  const before = a.page.getByRole('listitem').filter({ hasText: 'Avant un remplacement' });
  await before.getByRole('button', { name: 'Comparer avec maintenant' }).click();
  await before.getByRole('cell', { name: 'Ma mission à moi' }).waitFor();
  await before.getByRole('button', { name: 'Restaurer cette version' }).click();
  await before.getByRole('button', { name: 'Confirmer : remplacer le brouillon par cette version' }).click();
  await a.page.getByRole('status').getByText('Version restaurée').waitFor();
  await a.page.getByRole('link', { name: 'Canevas' }).click();
  assert.equal(await (await openPart(a.page, 'mission')).locator('textarea').inputValue(), 'Ma mission à moi');
  assert.deepEqual(a.problems, []);
});

test('share: a link pasted from Outlook Safe Links, encoded twice and cut by line breaks still opens', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const link = await a.page.locator('#share-link').inputValue();
  const wrapped =
    'https://nam12.safelinks.protection.outlook.com/?url=' +
    encodeURIComponent(encodeURIComponent(link)) +
    '&data=05%7C02&reserved=0';
  const cut = wrapped.match(/.{1,70}/g).join('\r\n> ');

  const b = await freshPage();
  await b.page.getByLabel('Collez ici un lien reçu par courriel ou dans Teams').fill(cut);
  await b.page.getByRole('button', { name: 'Ouvrir le lien' }).click();
  await b.page.getByTestId('incoming').getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).waitFor();
});

test('share: a link mangled by a mail client (soft line breaks, %2523 for #) still opens', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const link = await a.page.locator('#share-link').inputValue();
  const title = await a.page.locator('.charter-doc h2').innerText();
  // Quoted-printable: = becomes =3D, lines end in a soft break at 76.
  const quoted = ('Voici le lien : ' + link).replaceAll('=', '=3D').match(/.{1,75}/g).join('=\r\n');
  const safeLink =
    'https://can01.safelinks.protection.outlook.com/?url=' +
    encodeURIComponent(link).replace('%23', '%2523') +
    '&data=05%7C02';
  for (const pasted of [quoted, safeLink, link.replace('#', '%2523')]) {
    const b = await freshPage();
    await b.page.getByLabel('Collez ici un lien reçu par courriel ou dans Teams').fill(pasted);
    await b.page.getByRole('button', { name: 'Ouvrir le lien' }).click();
    await b.page.getByTestId('incoming').getByText(title).waitFor();
  }
  // Opened straight from the address bar, with # turned into %2523 in the path.
  const c = await freshPage();
  await c.page.goto(link.replace('#', '#%2523'));
  await c.page.getByTestId('incoming').getByText(title).waitFor();
});

test('share: damaged, future and empty links get a clear message and change nothing saved', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const link = await a.page.locator('#share-link').inputValue();
  const before = await storedDrafts(a.page);
  const cases = [
    [link.slice(0, Math.floor(link.length * 0.7)), 'abîmé ou incomplet'],
    [link.replace('#c3.', '#c7.'), 'version plus récente'],
    [link.slice(0, -40) + 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'abîmé ou incomplet'],
    // A decompression bomb: 2 MiB of spaces in a 3-KB link (a stream that
    // never refers to the dictionary reads the same with any dictionary).
    [link.split('#')[0] + '#c2.' + deflateRawSync(Buffer.alloc(2 * 1024 * 1024, 0x20)).toString('base64url'), 'trop volumineux'],
    [link.split('#')[0] + '#c2.' + 'A'.repeat(33 * 1024), 'trop long pour être une charte'],
  ];
  await a.page.getByRole('link', { name: 'Accueil' }).click();
  for (const [bad, message] of cases) {
    await a.page.getByLabel('Collez ici un lien reçu par courriel ou dans Teams').fill(bad);
    await a.page.getByRole('button', { name: 'Ouvrir le lien' }).click();
    await a.page.getByTestId('incoming-error').getByText(message).waitFor();
    await a.page.getByTestId('incoming-error').getByRole('button', { name: 'Fermer' }).click();
  }
  await a.page.getByLabel('Collez ici un lien reçu par courriel ou dans Teams').fill('bonjour, voici la charte');
  await a.page.getByRole('button', { name: 'Ouvrir le lien' }).click();
  await a.page.getByTestId('incoming-error').getByText('Aucun lien de charte').waitFor();
  assert.deepEqual(await storedDrafts(a.page), before, 'nothing saved changed');
  assert.deepEqual(a.problems, []);
});

test('share: a downloaded file opens elsewhere; files that are not charters are refused clearly', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.locator('.share').getByRole('button', { name: 'Télécharger une copie (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.coplanifier\.json$/);
  const dir = await mkdtemp(join(tmpdir(), 'coplanifier-files-'));
  const good = join(dir, download.suggestedFilename());
  await download.saveAs(good);

  const b = await freshPage();
  await b.page.getByLabel('Ou choisissez un fichier .coplanifier.json').setInputFiles(good);
  await b.page.getByTestId('incoming').getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
  await b.page.locator('.board-column').first().waitFor();
  await b.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();

  const bad = [
    ['pas-du-json.coplanifier.json', 'ceci n’est pas du JSON', "ce n'est pas du JSON"],
    ['autre.coplanifier.json', '{"type":"autre chose","version":1}', "Ce n'est pas une charte Coplanifier"],
    ['futur.coplanifier.json', '{"type":"coplanifier/charter","version":42,"charter":{}}', 'version plus récente'],
  ];
  const before = await storedDrafts(b.page);
  await b.page.getByRole('link', { name: 'Accueil' }).click();
  for (const [name, content, message] of bad) {
    const path = join(dir, name);
    await writeFile(path, content);
    await b.page.getByLabel('Ou choisissez un fichier .coplanifier.json').setInputFiles(path);
    await b.page.getByTestId('incoming-error').getByText(message).waitFor();
  }
  assert.deepEqual(await storedDrafts(b.page), before, 'nothing saved changed');
});

test('share: hostile text stays text in the app, the Markdown and the printed PDF', async () => {
  const { page, problems } = await freshPage('#/canvas/details');
  const hostile = {
    title: '<script>window.pwned=1</script>Titre',
    mission: '[clic](javascript:window.pwned=2) ![img](http://127.0.0.1:9/x.png) <img src=x onerror="window.pwned=3">',
    note: '# pas un titre\n- pas une liste\n> pas une citation ' + 'x'.repeat(300),
  };
  await page.locator('#charter-title').fill(hostile.title);
  await (await openPart(page, 'mission')).locator('textarea').fill(hostile.mission);
  await (await openPart(page, 'goals')).locator('.note-add').click();
  await page.keyboard.insertText(hostile.note);
  await page.getByRole('link', { name: 'Charte' }).click();
  const doc = page.locator('.charter-doc');
  await doc.waitFor();
  assert.equal(await doc.locator('h2').innerText(), hostile.title);
  assert.ok((await (await openPart(page, 'mission')).innerText()).includes(hostile.mission));
  assert.equal(await doc.locator('script, img, a').count(), 0, 'no element made from user text');
  assert.equal(await page.evaluate(() => window.pwned), undefined);

  const [md] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le Markdown' }).click(),
  ]);
  const markdown = await readFile(await md.path(), 'utf8');
  assert.ok(!markdown.includes('<script>'), 'no raw HTML');
  assert.ok(!markdown.includes('](javascript:'), 'no live link');
  assert.ok(!markdown.includes('\n# pas un titre'), 'user text cannot make a heading');
  assert.ok(markdown.includes('&lt;script&gt;'));

  const pdf = await page.pdf({ format: 'A4' });
  const dir = await mkdtemp(join(tmpdir(), 'coplanifier-pdf-'));
  await writeFile(join(dir, 'charte.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'charte.pdf'), '-'], { encoding: 'utf8' });
  assert.ok(text.includes('<script>window.pwned=1</script>Titre'), 'the title prints as text');
  assert.ok(text.includes('[clic](javascript:window.pwned=2)'), 'the mission prints as text');
  assert.deepEqual(problems.filter((p) => !p.includes('127.0.0.1:9')), []);
});

test('share: the printed charter (A4 and Letter) shows every filled part of the example', async () => {
  const { page } = await freshPage();
  await openExampleCharter(page);
  const labels = await page.locator('.charter-doc [data-part] h4').allInnerTexts();
  assert.ok(labels.length >= 30);
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format });
    const dir = await mkdtemp(join(tmpdir(), 'coplanifier-pdf-'));
    await writeFile(join(dir, 'charte.pdf'), pdf);
    const text = execFileSync('pdftotext', [join(dir, 'charte.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const label of labels) assert.ok(text.includes(label.replace(/\s+/g, ' ')), `${format}: ${label} printed`);
    assert.ok(!text.includes('À discuter'), `${format}: every part of the example is filled`);
    assert.ok(!text.includes('Partager la charte'), `${format}: the tools do not print`);
  }
});

test('share: a short charter and the full example both get a QR code of their link', async () => {
  const { page, problems } = await freshPage('#/canvas/details');
  await page.locator('#charter-title').fill('CoP des sciences');
  await page.getByRole('link', { name: 'Charte' }).click();
  const qr = page.getByRole('img', { name: 'Code QR du lien de partage' });
  await qr.waitFor();
  assert.ok((await qr.locator('path').getAttribute('d')).length > 100);
  const small = Number(await qr.getAttribute('data-version'));

  await page.getByRole('link', { name: 'Accueil' }).click();
  await openExampleCharter(page);
  // 47 notes: what a code held before c3 (412 characters) is far behind.
  assert.ok((await page.locator('#share-link').inputValue()).length > 412);
  const full = Number(await page.getByTestId('share-qr').getAttribute('data-version'));
  assert.ok(small < full && full <= 25, `versions ${small} and ${full}`);
  assert.deepEqual(problems, []);
});

test('share: without the version both started from, a charter edited elsewhere is compared two ways, part by part, and merged as chosen', async () => {
  const a = await freshPage();
  await openExampleCharter(a.page);
  const first = await a.page.locator('#share-link').inputValue();

  // B opens A's link, changes the mission and adds a goal, and sends it back.
  const b = await freshPage();
  await b.page.goto(first);
  await b.page.getByTestId('incoming').getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
  await (await openPart(b.page, 'mission')).locator('textarea').fill('Mission revue par B');
  await (await openPart(b.page, 'goals')).locator('.note-add').click();
  await b.page.keyboard.type('But ajouté par B');
  await b.page.getByRole('link', { name: 'Charte' }).click();
  const second = await b.page.locator('#share-link').inputValue();

  // Meanwhile A changed the vision.
  await a.page.getByRole('link', { name: 'Canevas' }).click();
  await a.page.getByRole('link', { name: 'Vue détaillée' }).click();
  await (await openPart(a.page, 'vision')).locator('textarea').fill('Vision revue par A');
  const goalsBefore = await (await openPart(a.page, 'goals')).locator('.note-text').count();
  await a.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  // This browser forgets what it sent (another browser, or a cleared
  // history): the comparison can only be two-way, and says so.
  await a.page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('coplanifier.history.')) localStorage.removeItem(k);
  });
  const before = await storedDrafts(a.page);

  await a.page.goto(second);
  const preview = a.page.getByTestId('incoming');
  await preview.getByRole('button', { name: 'Comparer avec mon brouillon' }).click();
  const compare = preview.getByTestId('compare');
  await compare.getByRole('button', { name: 'Fusionner dans mon brouillon' }).waitFor();
  await compare.getByTestId('compare-two-way').getByText('sans dire qui l').waitFor();
  const differ = await compare.locator('fieldset[data-part]').evaluateAll((fs) => fs.map((f) => f.dataset.part));
  assert.deepEqual(differ, ['mission', 'vision', 'goals'], 'only what a reader would see differ');
  const dates = await compare.locator('.compare-dates p').allInnerTexts();
  assert.deepEqual(dates.map((d) => d.split(' · ')[0]), ['Mon brouillon', 'Version reçue']);
  for (const d of dates) assert.match(d, new RegExp(`Dernière modification : .*${new Date().getFullYear()}`));
  assert.deepEqual(await storedDrafts(a.page), before, 'comparing writes nothing');

  const mission = compare.locator('[data-part="mission"]');
  assert.ok((await mission.innerText()).includes('Mission revue par B'));
  await mission.getByLabel('Prendre la version reçue').check();
  await compare.locator('[data-part="goals"]').getByLabel('Garder les deux').check();
  // Switching the language keeps the comparison and the choices made.
  await a.page.getByRole('button', { name: 'Switch to English' }).click();
  await mission.locator('legend').getByText('Mission').waitFor();
  await compare.getByText('What differs').waitFor();
  assert.ok(await mission.getByLabel('Take the one received').isChecked());
  assert.ok(await compare.locator('[data-part="goals"]').getByLabel('Keep both').isChecked());
  await a.page.getByRole('button', { name: 'Passer en français' }).click();
  // Taking a received part replaces one of mine: the merge asks first.
  await compare.getByRole('button', { name: 'Fusionner dans mon brouillon' }).click();
  assert.deepEqual(await storedDrafts(a.page), before, 'nothing merged before the confirmation');
  await compare.getByRole('button', { name: 'Confirmer : les parties choisies remplaceront les vôtres' }).click();

  await (await openPart(a.page, 'mission')).waitFor();
  assert.equal(await (await openPart(a.page, 'mission')).locator('textarea').inputValue(), 'Mission revue par B');
  assert.equal(await (await openPart(a.page, 'vision')).locator('textarea').inputValue(), 'Vision revue par A', 'kept mine by default');
  const goals = await (await openPart(a.page, 'goals')).locator('.note-text').evaluateAll((els) => els.map((e) => e.value));
  assert.equal(goals.length, goalsBefore + 1);
  assert.equal(goals.at(-1), 'But ajouté par B');
  await a.page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  assert.deepEqual(Object.keys(await storedDrafts(a.page)), Object.keys(before), 'merged into the same draft');
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

test('share: a file with an unreadable part opens the rest, names what was left out, and keeps newer fields', async () => {
  const { page, problems } = await freshPage();
  const dir = await mkdtemp(join(tmpdir(), 'coplanifier-files-'));
  const path = join(dir, 'plus-recent.coplanifier.json');
  await writeFile(
    path,
    JSON.stringify({
      type: 'coplanifier/charter',
      version: 1,
      charter: {
        id: 'newer-writer',
        title: 'CoP de lecture',
        meeting_room: 'Local 204',
        purpose: { mission: 'Lire ensemble', goals: 'pas une liste' },
      },
    }),
  );
  await page.getByLabel('Ou choisissez un fichier .coplanifier.json').setInputFiles(path);
  const preview = page.getByTestId('incoming');
  await preview.getByText('Laissé de côté, car illisible : Buts.').waitFor();
  await preview.getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
  assert.equal(await (await openPart(page, 'mission')).locator('textarea').inputValue(), 'Lire ensemble');
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();

  await page.getByRole('link', { name: 'Charte' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.share').getByRole('button', { name: 'Télécharger une copie (JSON)' }).click(),
  ]);
  const saved = join(dir, 'again.coplanifier.json');
  await download.saveAs(saved);
  const json = JSON.parse(await readFile(saved, 'utf8'));
  assert.equal(json.charter.meeting_room, 'Local 204', 'a field of a newer version survives');
  assert.deepEqual(problems, []);
});

test('share: the link shows its length and copies; past 2,000 characters it points to the file instead', async () => {
  const { context, page, problems } = await freshPage('#/canvas/details');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
  await page.locator('#charter-title').fill('CoP de lecture');
  await page.getByRole('link', { name: 'Charte' }).click();
  const link = await page.locator('#share-link').inputValue();
  await page.getByText(`Lien de partage (${link.length} caractères)`).waitFor();
  assert.equal(await page.getByText('Teams et Outlook risquent de le couper').count(), 0);
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await page.getByRole('status').getByText('Lien copié').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  // Text that deflate cannot shrink much: 400 unrelated short words.
  const words = Array.from({ length: 400 }, (_, i) => ((i + 1) * 2654435761 % 4294967296).toString(36)).join(' ');
  await page.getByRole('link', { name: 'Canevas' }).click();
  await page.getByRole('link', { name: 'Vue détaillée' }).click();
  await (await openPart(page, 'vision')).locator('textarea').fill(words);
  await page.getByRole('link', { name: 'Charte' }).click();
  const long = await page.locator('#share-link').inputValue();
  assert.ok(long.length > 2000, `${long.length}`);
  await page.getByText(`Lien de partage (${long.length} caractères)`).waitFor();
  await page.getByText('Teams et Outlook risquent de le couper. Envoyez plutôt le fichier.').waitFor();
  assert.deepEqual(problems, []);
});

test('share: a link of the charter on the board, not yet written, is that draft: saving it as new takes a new id', async () => {
  const { page, problems } = await freshPage();
  await page.getByRole('button', { name: 'Nouvelle charte' }).click();
  await page.getByRole('link', { name: 'Charte' }).click();
  const link = await page.locator('#share-link').inputValue();
  const boardId = await page.evaluate(() => localStorage.getItem('coplanifier.current'));
  assert.deepEqual(await storedDrafts(page), {}, 'a new charter is written at its first edit');

  await page.goto(link);
  const preview = page.getByTestId('incoming');
  await preview.getByText('Vous avez déjà un brouillon de cette charte').waitFor();
  await preview.getByRole('button', { name: 'Comparer avec mon brouillon' }).click();
  await preview.getByTestId('compare').getByText('La charte reçue dit la même chose que votre brouillon.').waitFor();
  await preview.getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  const newId = await page.evaluate(() => localStorage.getItem('coplanifier.current'));
  assert.notEqual(newId, boardId, 'the copy has an id of its own');
  assert.deepEqual(Object.keys(await storedDrafts(page)), [`coplanifier.draft.${newId}`]);
  assert.deepEqual(problems, []);
});
