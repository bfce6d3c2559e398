// Browser test of the admin views (issue 7, area "admin"): the admin creates
// a reviewer on one desk in Users and reads the one-time credentials panel
// (a QR code drawn into a canvas, the password, the TOTP secret); a new
// browser context signs in as that reviewer with them (the enrolment works);
// the admin sees the reviewer among the desk's members, rotates that desk's
// key (re-sealing, checked through the API), disables the reviewer (their
// next API call is 401), registers an organization with a key made by
// `pillarbox bundle keygen`, changes a deadline and the retention policy in Settings (checked through
// the API), sees the audit chain intact with the count the API recorded,
// and, after one audit row is edited with the sqlite3 CLI while the service
// is stopped, sees it broken at that entry. axe and a screenshot per view.
//
// Usage: node admin_admin.mjs --binary <pillarbox> [--artifacts <dir>] [--chromium <path>]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, apiLogin, argument, check, initInstance, startService } from './support/service.mjs';
import { checkAccessibility, checkClean, launchBrowser, openPage, screenshot, signInToAdmin } from './support/browser.mjs';

const binary = argument('--binary', process.env.PILLARBOX_BINARY);
const artifacts = join(argument('--artifacts', join(process.cwd(), 'e2e-artifacts')), 'admin');
if (!binary) throw new Error('--binary <pillarbox> is required');

const TAMPERED_SEQ = 3;

async function openView(page, nav, heading) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: nav, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function noSidewaysScroll(page, where) {
  await page.setViewportSize({ width: 360, height: 780 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `${where}: no sideways scrolling at 360 px (overflow ${overflow} px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

// Dark and light pixels of the first canvas on the page (a drawn QR code has
// many of both).
function canvasPixels(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    if (!canvas || !canvas.width) return { dark: 0, light: 0 };
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    let light = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && data[i] < 60) dark += 1;
      else if (data[i + 3] > 200 && data[i] > 200) light += 1;
    }
    return { dark, light };
  });
}

async function main() {
  const started = Date.now();
  const { dataDir, admin } = initInstance(binary);
  let service = await startService(binary, dataDir);
  const browser = await launchBrowser(argument('--chromium', '/usr/bin/chromium'));
  const trackers = [];
  try {
    const adminToken = await apiLogin(service.base, admin);
    const desks = (await api(service.base, 'GET', '/api/v1/desks', undefined, adminToken)).json.desks;
    const desk = desks.find((item) => item.id === 'voice_cloning') || desks[0];

    const tracked = await openPage(browser, service.base);
    trackers.push(['admin', tracked]);
    const { page } = tracked;
    await signInToAdmin(page, service.base, admin);
    for (const nav of ['Users', 'Desks', 'Organizations', 'Settings', 'Audit log']) {
      check(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: nav, exact: true }).count() === 1,
            `the admin's navigation has ${nav}`);
    }

    // Users: the list, then a reviewer on one desk.
    await openView(page, 'Users', 'Users');
    await page.getByRole('cell', { name: 'Admin' }).first().waitFor();
    await checkAccessibility(page, 'users');
    await screenshot(page, artifacts, '01-users');
    await page.getByLabel('Username').fill('rev-one');
    await page.getByLabel('Role').selectOption('reviewer');
    await page.getByRole('checkbox', { name: desk.name }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Credentials for rev-one' }).waitFor();
    check(await page.getByText('Shown this once.').count() === 1, 'the panel warns it is shown once');
    await page.waitForFunction(() => document.querySelector('canvas')?.width > 0);
    const pixels = await canvasPixels(page);
    check(pixels.dark > 1000 && pixels.light > 1000, `the QR code is drawn (${JSON.stringify(pixels)})`);
    const reviewer = {
      username: 'rev-one',
      password: (await page.locator('#credential-password').textContent()).trim(),
      totp_secret: (await page.locator('#credential-totp-secret').textContent()).replace(/\s+/g, ''),
    };
    check(reviewer.password.length >= 12 && /^[A-Z2-7]+=*$/.test(reviewer.totp_secret),
          'the panel shows a password and a base32 secret');
    check(!page.url().includes(reviewer.password) && !page.url().includes(reviewer.totp_secret), 'no secret in the URL');
    await checkAccessibility(page, 'credentials panel');
    await screenshot(page, artifacts, '02-credentials');
    const listed = (await api(service.base, 'GET', '/api/v1/users', undefined, adminToken)).json.users;
    const stored = listed.find((user) => user.username === 'rev-one');
    check(stored && stored.role === 'reviewer' && JSON.stringify(stored.desks) === JSON.stringify([desk.id]),
          `the reviewer is stored on ${desk.id}: ${JSON.stringify(stored)}`);
    await page.getByRole('button', { name: /I have handed these over/ }).click();
    check(await page.locator('#credential-password').count() === 0, 'the credentials are gone once hidden');
    await page.getByRole('rowheader', { name: 'rev-one' }).waitFor();

    // A new browser context signs in as the reviewer with what the panel showed.
    const reviewerTracked = await openPage(browser, service.base);
    trackers.push(['reviewer', reviewerTracked]);
    await signInToAdmin(reviewerTracked.page, service.base, reviewer);
    check(await reviewerTracked.page.getByText('rev-one').count() > 0, 'the reviewer is signed in');
    const reviewerToken = await apiLogin(service.base, reviewer);
    check((await api(service.base, 'GET', '/api/v1/auth/session', undefined, reviewerToken)).status === 200,
          'the reviewer has a session');

    // Desks: the reviewer is among the desk's members.
    await openView(page, 'Desks', 'Desks');
    const deskCard = page.locator('section.admin-desk', { has: page.getByRole('heading', { name: desk.name, exact: true }) });
    await deskCard.getByRole('rowheader', { name: 'rev-one' }).waitFor();
    // Key rotation: a new version, every record re-sealed, the old one retired.
    await deskCard.getByText('All records are sealed to key version 1.').waitFor();
    await deskCard.getByRole('button', { name: /^Rotate the key/ }).click();
    const rotate = page.getByRole('alertdialog', { name: `Rotate the key of ${desk.name}?` });
    await rotate.waitFor();
    await checkAccessibility(page, 'desk key rotation dialog');
    await rotate.getByRole('button', { name: 'Rotate and re-seal' }).click();
    await deskCard.getByText('All records are sealed to key version 2.').waitFor();
    const rotation = (await api(service.base, 'GET', `/api/v1/desks/${desk.id}/key-rotation`, undefined, adminToken)).json;
    check(rotation.current_version === 2 && rotation.records_on_old_versions === 0 && rotation.unreadable_records === 0,
          `the rotation is stored: ${JSON.stringify(rotation)}`);
    await checkAccessibility(page, 'desks');
    await screenshot(page, artifacts, '03-desks');
    await noSidewaysScroll(page, 'desks');

    // Users: disable the reviewer; their next API call is 401.
    await openView(page, 'Users', 'Users');
    await page.getByRole('button', { name: 'Disable rev-one' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Disable rev-one?' });
    await dialog.waitFor();
    check((await dialog.textContent()).includes('ends at once'), 'the dialog says their sessions end at once');
    await checkAccessibility(page, 'disable dialog');
    await screenshot(page, artifacts, '04-disable-dialog');
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    await page.getByRole('status').filter({ hasText: 'rev-one is disabled' }).waitFor();
    await page.getByRole('row', { name: /rev-one/ }).getByText('Disabled').waitFor();
    const after = await api(service.base, 'GET', '/api/v1/auth/session', undefined, reviewerToken);
    check(after.status === 401, `the disabled reviewer's next call is 401 (got ${after.status})`);
    await screenshot(page, artifacts, '05-disabled');

    // Organizations: register one with a key made offline.
    const keyDir = mkdtempSync(join(tmpdir(), 'pillarbox-e2e-org-'));
    const publicKey = execFileSync(binary, ['bundle', 'keygen', '--out', join(keyDir, 'organization.key')],
                                   { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    await openView(page, 'Organizations', 'Organizations');
    await page.getByText('No organization is registered yet.').waitFor();
    await page.getByLabel('Name').fill('Harbour Legal Aid');
    await page.getByLabel('Public key').fill('12ab');
    await page.getByRole('button', { name: 'Register organization' }).click();
    await page.locator('#org-key-error').waitFor();
    await page.getByLabel('Public key').fill(publicKey);
    await page.getByRole('button', { name: 'Register organization' }).click();
    await page.getByRole('status').filter({ hasText: 'Harbour Legal Aid is registered' }).waitFor();
    const organizations = (await api(service.base, 'GET', '/api/v1/organizations', undefined, adminToken)).json.organizations;
    check(organizations.length === 1 && organizations[0].public_key.toLowerCase() === publicKey.toLowerCase(),
          `the organization is stored with its key: ${JSON.stringify(organizations)}`);
    await checkAccessibility(page, 'organizations');
    await screenshot(page, artifacts, '06-organizations');

    // Settings: a deadline changed, checked through the API; a bad value names its field.
    await openView(page, 'Settings', 'Settings');
    const acknowledge = page.getByLabel('Acknowledge within (days)');
    await acknowledge.fill('400');
    await page.getByRole('button', { name: 'Save deadlines' }).click();
    await page.locator('#deadline-acknowledge-error').waitFor();
    await acknowledge.fill('5');
    await page.getByRole('button', { name: 'Save deadlines' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const deadlines = (await api(service.base, 'GET', '/api/v1/settings/deadlines', undefined, adminToken)).json;
    check(deadlines.acknowledge_days === 5 && deadlines.feedback_days === 90, `deadlines stored: ${JSON.stringify(deadlines)}`);
    // Retention: one kind's policy and the bundle period changed; a bad value
    // names its field and nothing is stored.
    await page.getByRole('heading', { name: 'Retention' }).waitFor();
    // The service purged once at start: nothing was due yet.
    await page.getByText(/^Last purge on .*: 0 reports, 0 cases and 0 bundles deleted\.$/).waitFor();
    const kinds = page.locator('form[aria-labelledby="retention-title"] fieldset');
    check(await kinds.count() === 3, `one fieldset per kind: ${await kinds.count()}`);
    const firstKind = kinds.first();
    await firstKind.getByLabel('Delete closed reports after (days)').fill('0');
    await firstKind.getByLabel('Delete any report after (days, optional)').fill('400');
    await page.getByRole('button', { name: 'Save the retention policy' }).click();
    await firstKind.locator('.field-error').filter({ hasText: /.+/ }).first().waitFor();
    check(await firstKind.getByLabel('Delete closed reports after (days)').getAttribute('aria-invalid') === 'true',
          'the bad number is marked on its field');
    const unchanged = (await api(service.base, 'GET', '/api/v1/settings/retention', undefined, adminToken)).json;
    check(unchanged.policies.every((policy) => policy.delete_any_after_days === null), `nothing stored on error: ${JSON.stringify(unchanged)}`);
    await firstKind.getByLabel('Delete closed reports after (days)').fill('30');
    await page.getByLabel('Delete stored evidence bundles after (days)').fill('14');
    await page.getByRole('button', { name: 'Save the retention policy' }).click();
    await page.getByRole('status').filter({ hasText: 'The retention policy was saved.' }).waitFor();
    const retention = (await api(service.base, 'GET', '/api/v1/settings/retention', undefined, adminToken)).json;
    const firstPolicy = retention.policies[0];
    check(firstPolicy.delete_closed_after_days === 30 && firstPolicy.delete_any_after_days === 400
          && retention.delete_bundles_after_days === 14 && retention.policies.slice(1).every((policy) => policy.delete_closed_after_days === 180),
          `retention stored: ${JSON.stringify(retention)}`);
    await checkAccessibility(page, 'settings');
    await screenshot(page, artifacts, '07-settings');

    // Audit log: intact, with the count the server recorded for this check.
    await openView(page, 'Audit log', 'Audit log');
    const intact = page.getByText(/The chain is intact: \d+ entries verified/);
    await intact.waitFor();
    const shown = Number((await intact.textContent()).match(/intact: (\d+) entries/)[1]);
    await page.getByRole('table').waitFor();
    const entries = (await api(service.base, 'GET', '/api/v1/audit?after=0&limit=1000', undefined, adminToken)).json.entries;
    const verified = entries.filter((entry) => entry.action === 'audit.verified').pop();
    check(verified && verified.detail === `ok=1;entries=${shown};first_bad_seq=0` && verified.seq === shown + 1,
          `the page shows the count the API verified (${shown}; ${JSON.stringify(verified)})`);
    check(shown > 10, `a real log was verified (${shown} entries)`);
    check(await page.getByRole('cell', { name: 'account.disabled' }).count() === 1, 'the disable is in the log');
    await checkAccessibility(page, 'audit log');
    await screenshot(page, artifacts, '08-audit-intact');
    await noSidewaysScroll(page, 'audit log');
    // Paging back to the first entry ("Older" until there is nothing older).
    const older = page.getByRole('button', { name: 'Older' });
    while (!(await older.isDisabled())) {
      const first = await page.getByRole('rowheader').first().textContent();
      await older.click();
      await page.waitForFunction((was) => document.querySelector('table.admin-audit tbody th')?.textContent !== was, first);
    }
    await page.getByRole('rowheader', { name: '1', exact: true }).waitFor();
    check(!(await page.getByRole('button', { name: 'Newer' }).isDisabled()) || shown < 50, 'a newer page follows');

    // Tamper: stop, edit one audit row's detail with the sqlite3 CLI, restart.
    await service.stop();
    execFileSync('sqlite3', [join(dataDir, 'pillarbox.db'),
      `UPDATE audit_log SET detail = detail || ';tampered=1' WHERE seq = ${TAMPERED_SEQ}`]);
    service = await startService(binary, dataDir);
    const again = await openPage(browser, service.base);
    trackers.push(['admin after restart', again]);
    await signInToAdmin(again.page, service.base, admin);
    await openView(again.page, 'Audit log', 'Audit log');
    const broken = again.page.getByRole('alert').filter({ hasText: `The chain is broken at entry ${TAMPERED_SEQ}:` });
    await broken.waitFor();
    await again.page.getByText('broken here').waitFor();
    await checkAccessibility(again.page, 'audit log broken');
    await screenshot(again.page, artifacts, '09-audit-broken');
    await again.page.getByRole('button', { name: 'Verify again' }).click();
    await broken.waitFor();

    for (const [where, item] of trackers) checkClean(item, `admin views (${where})`);
    console.log(`admin_admin: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close();
    await service.stop();
  }
}

main().catch((error) => {
  console.error(`admin_admin: FAILED: ${error.stack || error}`);
  process.exit(1);
});
