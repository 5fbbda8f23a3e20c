// Documents made from the charter: the sponsor pitch on one page, the
// invitation, the kick-off agenda, the meetings as a calendar file that a
// calendar library reads back, and the charter copied as rich text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { servedApp } from './support/session.mjs';
import { keyboard, openPart } from './support/app.mjs';

const app = servedApp();
const RESULTS = join(import.meta.dirname, '..', '..', 'test-results');

/** The text of a PDF and its page count, with each page rendered to `test-results/<name>-N.png`. */
async function readPdf(pdf, name) {
  const dir = await mkdtemp(join(tmpdir(), 'coplanifier-pdf-'));
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  await mkdir(RESULTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(RESULTS, name)]);
  return { text, pages };
}

async function openExample(page, button) {
  await page.getByRole('button', { name: button }).click();
  await page.getByTestId('save-status').waitFor();
  await page.goto(`${app.server.url}#/charter`);
  await page.locator('.charter-doc').waitFor();
}

const axe = async (page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.length}`);

for (const [lang, locale, button, names] of [
  ['French', 'fr-CA', "Ouvrir l'exemple", {
    pitch: 'Présentation à la direction', invitation: 'Invitation aux membres', agenda: 'Ordre du jour du lancement',
    headings: ['Pourquoi cette communauté', 'Ce que nous demandons', 'Ce que la direction y gagne', 'Les prochaines étapes'],
    first: 'Première rencontre :',
  }],
  ['English', 'en-CA', 'Open the example', {
    pitch: 'Pitch for management', invitation: 'Invitation to members', agenda: 'Kick-off agenda',
    headings: ['Why this community', 'What we are asking for', 'What management gets back', 'Next steps'],
    first: 'First meeting:',
  }],
]) {
  test(`documents: the example's pitch prints on one page (A4 and Letter), reached with the keyboard, in ${lang}, axe 0`, async () => {
    const { page, problems } = await app.freshPage('', { locale });
    await openExample(page, button);
    const keys = keyboard(page);
    await keys.tabTo(`.doc-links a[href="#/documents/pitch"]`);
    await keys.press('Enter');
    const title = page.locator('#doc-title');
    await title.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'doc-title', 'the focus is on the document');
    assert.deepEqual(await page.locator('.doc-page h3').allInnerTexts(), names.headings);
    assert.equal(await page.locator('.doc-missing').count(), 0, 'the example fills every section');
    assert.deepEqual(await axe(page), []);
    const heading = (await title.innerText()).replace(/\s+/g, ' ');
    for (const format of ['A4', 'Letter']) {
      const { text, pages } = await readPdf(await page.pdf({ format }), `pitch-${locale}-${format}`);
      assert.equal(pages, 1, `${format}: one page`);
      const flat = text.replace(/\s+/g, ' ');
      assert.ok(flat.includes(heading), `${format}: the title prints`);
      for (const h of names.headings) assert.ok(flat.includes(h), `${format}: ${h}`);
      assert.ok(!flat.includes(names.agenda), `${format}: the tools and the navigation do not print`);
    }
    // The other two documents, from the document's own navigation.
    await page.getByRole('navigation', { name: lang === 'French' ? 'Documents de lancement' : 'Launch documents' })
      .getByRole('link', { name: names.invitation }).click();
    await page.locator('.doc-view[data-doc="invitation"]').waitFor();
    assert.ok((await page.locator('.doc-page').innerText()).includes(names.first));
    const mail = await page.locator('a.doc-mail').getAttribute('href');
    assert.match(mail, /^mailto:\?subject=[^&]+&body=/);
    assert.ok(decodeURIComponent(mail.split('&body=')[1]).includes(names.first), 'the e-mail carries the invitation');
    assert.deepEqual(await axe(page), []);
    await page.getByRole('link', { name: names.agenda }).click();
    await page.locator('.doc-view[data-doc="agenda"] ol li').first().waitFor();
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
  });
}

test('documents: the meetings typed in step 5 download as an .ics file that ical.js reads back, text and times intact', async () => {
  const { page, problems } = await app.freshPage('#/guide/1');
  const title = 'Labo; 2e cycle, "sciences" \\ B-204';
  await page.locator('#charter-title').fill(title);
  await page.goto(`${app.server.url}#/guide/5`);
  await (await openPart(page, 'duration')).locator('input').fill('1 h 30');
  const meetings = (await openPart(page, 'meetings'));
  const topics = ['Lancement : mission, attentes; calendrier', 'Sortie au musée'];
  for (const [i, [date, time]] of [['2027-01-14', '15:30'], ['2027-02-11', '']].entries()) {
    await meetings.locator('.record-add').click();
    const row = meetings.locator('.record').nth(i);
    await row.getByLabel('Date').fill(date);
    if (time) await row.getByLabel('Heure').fill(time);
    await row.getByLabel('Sujet').fill(topics[i]);
  }
  await page.goto(`${app.server.url}#/documents/agenda`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ajouter les rencontres à un calendrier (.ics)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  const ics = await readFile(await download.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.equal(events.length, 2);
  assert.equal(events[0].summary, `${title} : ${topics[0]}`);
  assert.equal(events[0].startDate.toString(), '2027-01-14T15:30:00');
  assert.equal(events[0].endDate.toString(), '2027-01-14T17:00:00', 'an hour and a half later');
  assert.equal(events[1].summary, `${title} : ${topics[1]}`);
  assert.equal(events[1].startDate.isDate, true, 'a day without a time is all day');
  assert.equal(events[1].startDate.toString(), '2027-02-11');
  assert.notEqual(events[0].uid, events[1].uid);
  assert.deepEqual(problems, []);
});

test('documents: "copy as rich text" puts headings, lists and escaped typed text on the clipboard', async () => {
  const { page, context, problems } = await app.freshPage('#/canvas/details');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
  const hostile = '<img src=x onerror="window.pwned=1">Titre & <b>gras</b>';
  await page.locator('#charter-title').fill(hostile);
  const goals = (await openPart(page, 'goals'));
  await goals.locator('.note-add').click();
  await page.keyboard.type('<script>window.pwned=2</script> réussir');
  await page.goto(`${app.server.url}#/charter`);
  await page.getByRole('button', { name: 'Copier la charte (texte mis en forme)' }).click();
  await page.getByText('Copié avec sa mise en forme').waitFor();
  const { html, plain } = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return {
      html: await (await item.getType('text/html')).text(),
      plain: await (await item.getType('text/plain')).text(),
    };
  });
  // (The browser may write the quotes of a text node back unescaped.)
  assert.match(html, /<h1>&lt;img src=x onerror=(&quot;|")window.pwned=1(&quot;|")&gt;Titre &amp; &lt;b&gt;gras&lt;\/b&gt;<\/h1>/, html.slice(0, 300));
  assert.ok(html.includes('<h2>1. Qui porte le projet?</h2>'), 'the questions are headings');
  assert.ok(html.includes('<li>&lt;script&gt;window.pwned=2&lt;/script&gt; réussir</li>'), 'the note is a list item, as text');
  assert.ok(!/<(img|script|b)[\s>]/.test(html), 'no typed tag survives');
  assert.ok(plain.startsWith(`${hostile}\n`), 'the plain text has the title as typed');
  // Pasted where rich text goes, it stays text.
  const pasted = await page.evaluate((h) => {
    const box = document.createElement('div');
    box.innerHTML = h; // the clipboard's HTML, as an editor would take it
    return { imgs: box.querySelectorAll('img, script').length, h1: box.querySelector('h1')?.textContent };
  }, html);
  assert.deepEqual(pasted, { imgs: 0, h1: hostile });
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(problems, []);
});

test('documents: the printed charter has a cover, a one-page summary, page numbers and a running header (A4 and Letter)', async () => {
  const { page, problems } = await app.freshPage('');
  await openExample(page, "Ouvrir l'exemple");
  assert.equal(await page.locator('.charter-cover, .charter-summary').count(), 0, 'the charter on screen has neither');
  const keys = keyboard(page);
  await keys.tabTo('a[href="#/charter/document"]');
  await keys.press('Enter');
  const cover = page.locator('.charter-cover');
  assert.match(await cover.innerText(), /Préparée par\s+\S+.* et /);
  const version = await page.getByTestId('charter-version').innerText();
  assert.match(version, /^\d{1,2}(er)? \S+ \d{4} · [A-Za-z0-9_-]{8}$/, version);
  await page.locator('#charter-summary-title').getByText('En bref').waitFor();
  assert.deepEqual(await axe(page), []);
  const title = (await page.locator('#charter-doc-title').innerText()).replace(/\s+/g, ' ');
  for (const format of ['A4', 'Letter']) {
    const { text, pages } = await readPdf(await page.pdf({ format }), `charter-fr-CA-${format}`);
    const sheets = text.split('\f').filter((s) => s.trim()).map((s) => s.replace(/\s+/g, ' '));
    assert.equal(sheets.length, pages);
    assert.ok(pages >= 4, `${format}: ${pages} pages`);
    assert.ok(sheets[0].includes(title) && sheets[0].toUpperCase().includes('CHARTE DE COMMUNAUTÉ DE PRATIQUE'), `${format}: the cover`);
    assert.ok(!sheets[0].includes('En bref') && !new RegExp(`1 ?/ ?${pages}`).test(sheets[0]), `${format}: the cover has nothing else`);
    assert.ok(sheets[1].includes('En bref') && !sheets[1].includes('1. Qui porte le projet?'), `${format}: the summary has its own page`);
    sheets.slice(1).forEach((sheet, i) => {
      assert.match(sheet, new RegExp(`(^| )${i + 2} ?/ ?${pages}( |$)`), `${format}: page ${i + 2} is numbered`);
      // The example's title is longer than the margin holds: cut at a word.
      assert.ok(sheet.includes(`${title.slice(0, 30)}`) && sheet.includes(`… · ${version}`), `${format}: page ${i + 2} has the running header`);
    });
  }
  assert.deepEqual(problems, []);
});

test('documents: typed text in the running header stays text, and an empty charter prints "À discuter" on its cover', async () => {
  const { page, problems } = await app.freshPage('#/canvas/details');
  const hostile = 'Labo"; } @page { margin: 9in } \\ x';
  await page.locator('#charter-title').fill(hostile);
  await page.goto(`${app.server.url}#/charter/document`);
  const facts = await page.locator('.charter-cover-facts').innerText();
  assert.equal(facts.match(/À discuter/g)?.length, 2, facts);
  const { text } = await readPdf(await page.pdf({ format: 'A4' }), 'charter-hostile-A4');
  const sheets = text.split('\f').map((s) => s.replace(/\s+/g, ' '));
  assert.ok(sheets[1].includes(hostile.replace(/\s+/g, ' ')), `the header prints the title as typed: ${sheets[1].slice(0, 200)}`);
  assert.deepEqual(problems, []);
});
