// Page objects for Coplanifier: what a person sees and does, by role, label
// or data attribute, never by markup strings.

/** The parts of the current screen, by their data-part id. */
export function part(page, id) {
  return page.locator(`[data-part="${id}"]`).first();
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
    case 'text':
      await p.locator('input, textarea').first().fill(marker(id));
      return marker(id);
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
