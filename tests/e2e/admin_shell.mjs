// Browser test of the reviewers' web app shell (issue 7): served from memory
// under its CSP, sign-in with password + TOTP (a wrong code is refused with
// one message), the navigation of the role, the account view, accessibility
// of each, a narrow screen, and the idle logout with its warning (the service
// runs with --session-idle-minutes 1, so it comes within a minute).
//
// Usage: node admin_shell.mjs --binary <pillarbox> [--artifacts <dir>] [--chromium <path>]
import { join } from 'node:path';
import { argument, check, initInstance, startService } from './support/service.mjs';
import { checkAccessibility, checkClean, launchBrowser, openPage, screenshot, signInToAdmin } from './support/browser.mjs';

const binary = argument('--binary', process.env.PILLARBOX_BINARY);
const artifacts = join(argument('--artifacts', join(process.cwd(), 'e2e-artifacts')), 'admin-shell');
if (!binary) throw new Error('--binary <pillarbox> is required');

async function main() {
  const { dataDir, admin } = initInstance(binary);
  const service = await startService(binary, dataDir, ['--session-idle-minutes', '1']);
  const browser = await launchBrowser(argument('--chromium', '/usr/bin/chromium'));
  try {
    // The document and its assets carry the app's CSP and no-store.
    for (const path of ['/admin', '/admin/app.js', '/admin/app.css']) {
      const response = await fetch(service.base + path);
      check(response.status === 200, `${path}: ${response.status}`);
      const csp = response.headers.get('content-security-policy') || '';
      check(csp.includes("script-src 'self'") && csp.includes("default-src 'none'") && !csp.includes('unsafe'),
            `${path}: CSP ${csp}`);
      check(response.headers.get('cache-control') === 'no-store', `${path}: Cache-Control`);
    }

    const tracked = await openPage(browser, service.base);
    const { page } = tracked;
    await page.goto(`${service.base}/admin`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkAccessibility(page, 'sign-in');
    await screenshot(page, artifacts, '01-sign-in');

    // A wrong code: one generic refusal, still on the sign-in view.
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByLabel('Code from your authenticator app').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username, password or code' }).waitFor();
    check(await page.getByRole('navigation', { name: 'Main' }).count() === 0, 'no navigation after a wrong code');
    await screenshot(page, artifacts, '02-wrong-code');

    await signInToAdmin(page, service.base, admin);
    check(!page.url().includes(admin.password) && !page.url().includes('?'), `no credential or query in the URL: ${page.url()}`);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    check(stored === '{}{}', `nothing in web storage after sign-in: ${stored}`);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    check(await page.getByText(admin.username, { exact: true }).count() > 0, 'the account view names the user');
    await checkAccessibility(page, 'account');
    await screenshot(page, artifacts, '03-account');

    // A narrow screen: the navigation wraps, nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow} px)`);
    await screenshot(page, artifacts, '04-account-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Idle: the warning comes, "Stay signed in" dismisses it; then, left
    // alone, the app signs out and says why.
    const warning = page.getByRole('alertdialog', { name: 'Still there?' });
    await warning.waitFor({ timeout: 60000 });
    await checkAccessibility(page, 'idle warning');
    await screenshot(page, artifacts, '05-idle-warning');
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await warning.waitFor({ state: 'hidden' });
    await page.getByText('You were signed out after a period without activity').waitFor({ timeout: 90000 });
    check(await page.getByRole('heading', { name: 'Sign in' }).count() === 1, 'back on the sign-in view');
    const session = await page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.status));
    check(session === 401, 'no session without a token');
    await screenshot(page, artifacts, '06-signed-out-idle');

    checkClean(tracked, 'admin shell');
    console.log('admin_shell: passed');
  } finally {
    await browser.close();
    await service.stop();
  }
}

main().catch((error) => {
  console.error(`admin_shell: FAILED: ${error.stack || error}`);
  process.exit(1);
});
