// What a hard kill of the browser (SIGKILL of every Chromium process, as a
// power cut or the task manager would) loses of the last keystrokes. No page
// controls this: Chromium writes localStorage to disk on its own schedule.
// A measurement, not a test: it prints how many tries kept everything.
//
//   node bench/hard-kill.mjs [--tries N] [--wait MS]   (after a release build)
//
// Each try types a burst into the mission field of the same profile, waits
// `wait` ms (0: none), kills the browser, reopens the profile and compares.
import { execFileSync } from 'node:child_process';
import { launch, openPage } from '../tests/e2e/support/browser.mjs';
import { serve } from '../tests/e2e/support/server.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const TRIES = arg('tries', 10);
const WAITS = args.includes('--wait') ? [arg('wait', 0)] : [0, 1000, 5000];
const MISSION = '[data-part="mission"] textarea';

/** Kills, without warning, every Chromium process of this profile. */
function killProfile(profile) {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const pids = out
    .split('\n')
    .filter((l) => l.includes(`--user-data-dir=${profile}`))
    .map((l) => Number(l.trim().split(/\s+/)[0]))
    .filter(Boolean);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
  return pids.length;
}

const server = await serve();
const results = [];
for (const wait of WAITS) {
  let kept = 0;
  let context = await launch();
  const profile = context.profile;
  let expected = '';
  for (let i = 1; i <= TRIES; i++) {
    const { page } = await openPage(context, server.url + '#/canvas');
    const field = page.locator(MISSION);
    await field.waitFor();
    await field.click();
    await page.keyboard.press('End');
    const burst = ` essai ${i}`;
    await page.keyboard.type(burst);
    expected += burst;
    if (wait) await page.waitForTimeout(wait);
    killProfile(profile);
    await context.close().catch(() => {});
    context = await launch({ profile });
    const again = (await openPage(context, server.url + '#/canvas')).page;
    await again.locator(MISSION).waitFor();
    const got = await again.locator(MISSION).inputValue();
    if (got === expected) kept++;
    // Whatever survived is where the next try starts.
    expected = got;
  }
  await context.close();
  results.push({ wait, kept });
}
await server.close();
console.log(`Hard kill (SIGKILL of every Chromium process) right after a burst of typing, ${TRIES} tries each:\n`);
console.log('| wait after the last key | tries that kept every character |');
console.log('|---:|---:|');
for (const r of results) console.log(`| ${r.wait} ms | ${r.kept} of ${TRIES} |`);
