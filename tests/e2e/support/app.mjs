// Page objects for Coplanifier: what a person sees and does, by role, label
// or data attribute, never by markup strings.

/** The parts of the current screen, by their data-part id. */
export function part(page, id) {
  return page.locator(`[data-part="${id}"]`).first();
}

/**
 * A part, ready to edit: on the board, its card is pressed and the part
 * opens in the side panel; on the detailed canvas or a guided step, it is
 * already there.
 */
export async function openPart(page, id) {
  await page.locator('[data-card], [data-part]').first().waitFor();
  const card = page.locator(`[data-card="${id}"]`);
  if ((await card.count()) && (await card.getAttribute('aria-expanded')) !== 'true') await card.click();
  const p = part(page, id);
  await p.waitFor();
  return p;
}

/** What kind of part this is, from its class. */
export async function partKind(locator) {
  const cls = (await locator.getAttribute('class')) ?? '';
  for (const kind of ['text', 'choice', 'flags', 'notes', 'records']) {
    if (cls.includes(`part-${kind}`)) return kind;
  }
  throw new Error(`unknown part kind: ${cls}`);
}

/** The marker typed into a part, unique to it. */
export const marker = (id) => `M-${id}-ok`;

/**
 * Fills one part as a person would: types a marker into texts, notes and
 * rows, picks the last option of a choice, ticks the first box of a set.
 * Returns what the charter view should then show for it.
 */
export async function fillPart(page, id) {
  const p = part(page, id);
  const kind = await partKind(p);
  switch (kind) {
    case 'text': {
      const field = p.locator('input, textarea').first();
      if ((await field.getAttribute('type')) === 'date') {
        await field.fill('2027-06-15');
        return null;
      }
      await field.fill(marker(id));
      return marker(id);
    }
    case 'choice': {
      const radios = p.getByRole('radio');
      await radios.last().check();
      return null;
    }
    case 'flags':
      await p.getByRole('checkbox').first().check();
      return null;
    case 'notes':
      await p.locator('.note-add').click();
      await page.keyboard.type(marker(id));
      await p.locator('.note-text').last().waitFor();
      return marker(id);
    case 'records': {
      await p.locator('.record-add').click();
      const row = p.locator('.record').last();
      const inputs = row.locator('input[type="text"]');
      for (let i = 0; i < (await inputs.count()); i++) {
        await inputs.nth(i).fill(`${marker(id)}-${i}`);
      }
      const selects = row.locator('select');
      for (let i = 0; i < (await selects.count()); i++) {
        await selects.nth(i).selectOption({ index: 1 });
      }
      return `${marker(id)}-0`;
    }
  }
}

/** The data-part ids shown on the current screen, in order. */
export async function partIds(page, scope = 'main') {
  return page.locator(`${scope} [data-part]`).evaluateAll((els) => els.map((e) => e.dataset.part));
}

/** Makes storage throw in this context, as private modes and sandboxed frames do. */
export async function blockStorage(context) {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
}

/**
 * A person at the keyboard: Tab to reach a control, then typing, arrows and
 * space, the way each kind of part takes them. Days are typed in the order
 * of Chromium's date field under the test machine's ICU locale (month, day,
 * year, whatever the page's language), times as hour and minutes.
 */
export function keyboard(page) {
  const press = (key) => page.keyboard.press(key);
  /** Tabs until the focused element matches, at most 400 times. */
  async function tabTo(selector) {
    for (let i = 0; i < 400; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await press('Tab');
    }
    throw new Error(`could not reach ${selector} with Tab`);
  }
  /** Fills every part of the guided step on screen; returns how many fields got text. */
  async function fillStep() {
    let typed = 0;
    for (const id of await partIds(page, '.guide-parts')) {
      const scope = `[data-part="${id}"]`;
      const cls = (await part(page, id).getAttribute('class')) ?? '';
      if (cls.includes('part-text') && (await part(page, id).locator('input[type="date"]').count())) {
        await tabTo(`${scope} input`);
        await page.keyboard.type('06152027');
      } else if (cls.includes('part-text')) {
        await tabTo(`${scope} input, ${scope} textarea`);
        await page.keyboard.type(`K-${id}`);
        typed++;
      } else if (cls.includes('part-choice')) {
        await tabTo(`${scope} input[type="radio"]`);
        await press('ArrowDown'); // picks the next option, as radios do
        await press('ArrowUp');
      } else if (cls.includes('part-flags')) {
        await tabTo(`${scope} input[type="checkbox"]`);
        await press('Space');
      } else if (cls.includes('part-notes')) {
        await tabTo(`${scope} .note-add`);
        await press('Enter');
        await page.waitForFunction((s) => document.activeElement?.matches(`${s} .note-text`), scope);
        await page.keyboard.type(`K-${id}`);
        typed++;
      } else if (cls.includes('part-records')) {
        await tabTo(`${scope} .record-add`);
        await press('Enter');
        await page.waitForFunction((s) => document.activeElement?.matches(`${s} .record :is(input, select)`), scope);
        // Through the new row's fields: type into texts, days and times, pick in menus.
        while (await page.evaluate(() => document.activeElement?.matches('.record :is(input, select)'))) {
          const kind = await page.evaluate(() => (document.activeElement.tagName === 'SELECT' ? 'select' : document.activeElement.type));
          if (kind === 'select') {
            await press('ArrowDown');
          } else if (kind === 'date') {
            await page.keyboard.type('06152027');
          } else if (kind === 'time') {
            await page.keyboard.type('1530');
          } else {
            await page.keyboard.type(`K-${id}`);
            typed++;
          }
          await press('Tab');
        }
      }
    }
    return typed;
  }
  return { press, tabTo, fillStep };
}

/**
 * A stored draft's envelope: JSON as it is, or a compact `c1.` draft
 * inflated with the `c1` dictionary (docs/FORMAT.md, section 5).
 */
export async function readDraft(text) {
  if (!text.startsWith('c1.')) return JSON.parse(text);
  const { readFile } = await import('node:fs/promises');
  const { inflateRawSync } = await import('node:zlib');
  const source = await readFile(new URL('../../../src/format/dictionary-c1.txt', import.meta.url), 'utf8');
  const dictionary = Buffer.from(
    source
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .filter((l) => l && !l.startsWith('#'))
      .join(''),
  );
  const json = inflateRawSync(Buffer.from(text.slice(3), 'base64url'), { dictionary });
  return JSON.parse(json.toString('utf8'));
}

/** Every note and row id of a charter's JSON, in order. */
export function itemIds(charter) {
  const ids = [];
  for (const part of ['carriers', 'purpose', 'joining', 'distinction', 'launch']) {
    for (const value of Object.values(charter[part] ?? {})) {
      if (Array.isArray(value)) for (const item of value) if (item && typeof item.id === 'string') ids.push(item.id);
    }
  }
  return ids;
}

const JSQR = new URL('../../../node_modules/jsqr/dist/jsQR.js', import.meta.url).pathname;

/** What the QR code with this test id says, read from its pixels as Chromium draws them. */
export async function readQr(page, testId) {
  await page.addScriptTag({ path: JSQR });
  return page.getByTestId(testId).evaluate(async (svg) => {
    const side = 4 * svg.viewBox.baseVal.width;
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = side;
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, side, side);
    const pixels = ctx.getImageData(0, 0, side, side);
    return globalThis.jsQR(pixels.data, side, side)?.data ?? null;
  });
}
