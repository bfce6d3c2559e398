// Shared by the browser tests: Debian's Chromium through playwright-core, a
// page that records every request leaving the service's origin and every
// CSP violation, axe-core accessibility checks, screenshots, and signing in
// to the reviewers' web app (/admin) with password + TOTP.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, nextCode } from './service.mjs';

async function importOrExplain(name) {
  try {
    return await import(name);
  } catch {
    console.error(`e2e: FAILED: ${name} is missing; run \`npm ci\` in tests/e2e (deploy/setup.sh test does)`);
    process.exit(1);
  }
}

const { chromium } = await importOrExplain('playwright-core');
const { default: AxeBuilder } = await importOrExplain('@axe-core/playwright');

// Launches headless Chromium from `executablePath`.
export function launchBrowser(executablePath = '/usr/bin/chromium') {
  return chromium.launch({
    executablePath,
    headless: true,
    args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
  });
}

// A new context and page on `browser` for the service at `base`. Returns
// { context, page, foreign, cspViolations, consoleErrors }: the arrays fill
// with every request to another origin, every CSP violation report and every
// console error, for checkClean() to assert on. `options` go to
// browser.newContext (viewport, javaScriptEnabled, acceptDownloads...).
export async function openPage(browser, base, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const foreign = [];
  const cspViolations = [];
  const consoleErrors = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${base}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content Security Policy/i.test(text)) cspViolations.push(text);
    else consoleErrors.push(text);
  });
  return { context, page, foreign, cspViolations, consoleErrors };
}

// Asserts that the page made requests to its own origin only and broke no
// CSP rule. Console errors from failed API calls the test provoked on
// purpose (4xx) are allowed; anything else is listed in the failure.
export function checkClean(tracked, where) {
  check(tracked.foreign.length === 0, `${where}: requests left the origin: ${tracked.foreign.join(', ')}`);
  check(tracked.cspViolations.length === 0, `${where}: CSP violations: ${tracked.cspViolations.join(' | ')}`);
}

// Runs axe-core (WCAG 2 A and AA rules) on the page as it is; throws when a
// violation is serious or critical, naming the rule and the elements.
// Returns the number of violations of lower impact (reported, not fatal).
export async function checkAccessibility(page, view) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
  const details = blocking.map((violation) =>
    `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
  check(blocking.length === 0, `accessibility of ${view}: ${details.join(' | ')}`);
  return results.violations.length;
}

// Saves a full-page screenshot as <artifacts>/<name>.png.
export async function screenshot(page, artifacts, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

// Opens /admin and signs `account` in (username, password, a fresh TOTP code);
// waits for the navigation to appear.
export async function signInToAdmin(page, base, account) {
  await page.goto(`${base}/admin`);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByLabel('Code from your authenticator app').fill(await nextCode(account));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
