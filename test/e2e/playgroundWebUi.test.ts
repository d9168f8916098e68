import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { startGateway, type RunningGateway } from '../../bot/runtime';
import { chromiumMissing, launchChromium } from '../gallery/chromium';
import { startPlaygroundSession, type PlaygroundSession } from '../harness/playgroundSession';

/**
 * The one visual end-to-end test: a person in the Agents Playground's own web UI, in headless Chromium, installs
 * Gateway, sets up the project in the team channel, opens gateway 1, presses Done and reads the status, as a project
 * manager would on day one. Screenshots of each step are kept in `.ci-results/screenshots/` (CI) or `$SCREENSHOT_DIR`.
 * Where Chromium is not installed the test is skipped, saying why.
 */
const missing = chromiumMissing();
if (missing !== undefined) process.stderr.write(`The playground web UI test is skipped: ${missing}\n`);
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(process.cwd(), '.ci-results', 'screenshots');
const STEP_MS = 20_000;

describe.skipIf(missing !== undefined)(`Gateway in the playground's web UI${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-ui-'));
  let gateway: RunningGateway;
  let session: PlaygroundSession;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let step = 0;

  const shot = async (name: string): Promise<void> => {
    step += 1;
    await page.screenshot({ path: path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`) });
  };
  /** The compose box of a new channel post (the first editor) or of the personal chat. */
  const composer = (): Locator => page.locator('[data-lexical-editor="true"][spellcheck="true"]').first();
  /** Sends `text` to Gateway: in a channel it @mentions the bot through the mention picker, as a person would. */
  const send = async (text: string, options: { mention: boolean }): Promise<void> => {
    const box = composer();
    await box.click();
    if (options.mention) {
      await box.pressSequentially('@');
      await page.getByRole('menuitem', { name: 'Test Bot' }).click();
      await box.pressSequentially(` ${text}`);
    } else {
      await box.pressSequentially(text);
    }
    const post = page.getByRole('button', { name: 'Post', exact: true });
    if (options.mention && (await post.isVisible())) await post.click();
    else await box.press('Enter');
  };
  /** The Adaptive Cards showing `text` (the playground lists a channel's newest post first, so order says nothing). */
  const cardsWith = (text: string | RegExp): Locator => page.locator('.ac-adaptiveCard').filter({ hasText: text });
  const cardWith = (text: string | RegExp): Locator => cardsWith(text).first();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const config = loadConfig({ PORT: '0', PLAYGROUND: 'off', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', JOB_SCHEDULER: 'off' });
    gateway = await startGateway(config, { logger: createLogger(config.logLevel) });
    session = await startPlaygroundSession(`${gateway.url}/api/messages`);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    page.setDefaultTimeout(STEP_MS);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot('failed');
  });

  afterAll(async () => {
    await closeBrowser?.();
    await gateway?.close();
    await session?.close();
  });

  it('when the playground opens, then Gateway is installed and its welcome card is in the personal chat', async () => {
    await page.goto(session.url);
    await expect.poll(() => cardWith('Welcome to Gateway').isVisible(), { timeout: STEP_MS }).toBe(true);
    await shot('installed-personal-chat');
  });

  it('when the project manager sets up the project in the team channel, then the confirmation arrives', async () => {
    await page.getByRole('treeitem', { name: 'My Team - General' }).click();
    await send('set up project', { mention: true });
    const form = cardWith('Organisation name');
    await form.waitFor();
    await shot('set-up-form');
    await form.getByLabel('Organisation name').fill('Royal Hampshire County Hospital NHS Foundation Trust');
    await form.getByLabel('ODS code').fill('RH8');
    await choose(form, 'How will you migrate?', 'self');
    await form.getByLabel('Roughly how many people will move to NHSmail?').fill('5200');
    await form.getByLabel('How many new NHSmail accounts do you need?').fill('120');
    await choose(form, 'Will everyone move at once?', 'phased');
    await form.getByLabel('Planned start').fill('2026-12-01');
    await form.getByLabel('Planned cutover').fill('2027-06-28');
    await shot('set-up-filled');
    await form.getByRole('button', { name: 'Check and continue' }).click();
    await cardWith('Project set up').filter({ hasText: 'Royal Hampshire County Hospital' }).waitFor();
    await shot('set-up-done');
  });

  it('when gateway 1 is opened and an item is marked done, then the checklist shows it done', async () => {
    await send('gateway 1', { mention: true });
    const checklist = (): Locator => page.locator('.ac-adaptiveCard').filter({ has: page.getByRole('button', { name: 'Mark done' }) }).filter({ hasText: 'Gateway 1: Initial preparations' });
    const done = (): Locator => checklist().getByRole('button', { name: 'Mark done' });
    await done().first().waitFor();
    await shot('gateway-1');
    const before = await done().count();
    await done().first().click();
    await expect.poll(async () => done().count(), { timeout: STEP_MS }).toBeLessThan(before);
    await expect(checklist().textContent()).resolves.toContain('1 of 7 done or not applicable');
    await shot('gateway-1-done');
  });

  it('when status is asked for, then the progress per gateway is shown', async () => {
    await send('status', { mention: true });
    // The status that set-up showed still reads 0 of 7; the new one must show the item just done.
    const status = cardsWith(/Cutover in \d+ days/).filter({ hasText: 'Gateway 1: Initial preparations' }).filter({ hasText: '1 of 7 done or not applicable' });
    await status.waitFor();
    await status.scrollIntoViewIfNeeded();
    await shot('status');
  });
}, 120_000);

/** Picks a choice in a compact (drop-down) or expanded (radio buttons) Input.ChoiceSet by part of its value. */
async function choose(card: Locator, label: string, value: string): Promise<void> {
  const field = card.getByLabel(label);
  const tag = await field.evaluate((el) => (el as { tagName?: string }).tagName ?? '');
  if (tag === 'SELECT') {
    const options = await field.locator('option').evaluateAll((list) => list.map((o) => (o as { value?: string }).value ?? ''));
    const match = options.find((o) => o.includes(value));
    if (match === undefined) throw new Error(`${label}: no choice like ${value} in ${options.join(', ')}`);
    await field.selectOption(match);
  } else {
    await field.locator(`input[value*="${value}"]`).first().check();
  }
}
