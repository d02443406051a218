/**
 * A real browser for the portal's tests: Debian's Chromium driven by playwright-core (Playwright's
 * own browser download cannot work on these machines). Screenshots of each main page go to
 * test-output/screenshots (git-ignored), at desktop width and at 360 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { locateChromium, PROJECT_ROOT } from '../../src/stack/paths';

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-output', 'screenshots');

export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 740 } } as const;

export async function launchBrowser(): Promise<Browser> {
  const executablePath = locateChromium();
  if (!executablePath) {
    throw new Error('Chromium was not found: run `npm run setup` (it installs Debian\'s chromium), or set CHROMIUM_PATH to a Chromium executable.');
  }
  // --no-sandbox: tests run as root on CI machines, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export async function newContext(browser: Browser, viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
}

/** Saves a full-page screenshot of what the page shows now, as <name>-<viewport>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const file = path.join(SCREENSHOT_DIR, `${name}-${width <= 400 ? 'phone' : 'desktop'}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Screenshots of one path at desktop width and at 360 px, with the same cookies as `context`. */
export async function screenshotBoth(browser: Browser, context: BrowserContext, url: string, name: string): Promise<void> {
  const cookies = await context.cookies();
  for (const viewport of ['desktop', 'phone'] as const) {
    const shotContext = await newContext(browser, viewport);
    await shotContext.addCookies(cookies);
    const page = await shotContext.newPage();
    await page.goto(url);
    await saveScreenshot(page, name);
    await shotContext.close();
  }
}

/** Collects every dialog (alert, confirm...) a page opens: an injected script would open one. */
export function watchDialogs(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('page', (page) => page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  }));
  return seen;
}
