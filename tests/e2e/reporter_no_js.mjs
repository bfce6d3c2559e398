// Browser test of the reporter pages with JavaScript disabled (issue 5).
//
// Starts the real service (pillarbox init + serve on a free 127.0.0.1 port),
// drives Debian's Chromium headless through playwright-core with
// javaScriptEnabled: false on a 360 px wide phone-sized viewport, and:
//   1. opens the start page and chooses a kind of report;
//   2. fills the questionnaire (every field type) and submits it;
//   3. copies the receipt from the receipt page;
//   4. signs back in with the receipt (HTML form, HttpOnly cookie);
//   5. a reviewer (the admin printed by init: password + TOTP) sends a
//      message through the JSON API;
//   6. the reporter reloads, reads it, and answers through the form;
//   7. the answer is checked through the reviewer API.
// Every request the browser makes must go to the service on 127.0.0.1.
// Screenshots of each step go to the artifacts folder.
//
// Usage: node reporter_no_js.mjs --binary <path to pillarbox> [--artifacts <dir>]
//        [--chromium /usr/bin/chromium]
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { api, apiLogin, argument, check, initInstance, startService } from './support/service.mjs';
import { launchBrowser, openPage } from './support/browser.mjs';
import { fillQuestionnaire } from './support/reporter.mjs';

const binary = argument('--binary', process.env.PILLARBOX_BINARY);
const artifacts = argument('--artifacts', join(process.cwd(), 'e2e-artifacts'));
const chromiumPath = argument('--chromium', '/usr/bin/chromium');
if (!binary) throw new Error('--binary <pillarbox> is required');


async function main() {
  const started = Date.now();
  const { dataDir, admin } = initInstance(binary);
  const service = await startService(binary, dataDir, ['--form-min-seconds', '1']);
  const { base } = service;
  let browser;
  const step = async (page, name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  try {
    browser = await launchBrowser(chromiumPath);
    const { context, page, foreign } = await openPage(browser, base,
                                                      { javaScriptEnabled: false, viewport: { width: 360, height: 780 } });

    // 1. Start page: choose a kind.
    const kind = 'workplace_ai_harm';
    const questionnaire = (await api(base, 'GET', `/api/v1/questionnaires/${kind}`)).json;
    await page.goto(base + '/');
    check(await page.locator('script').count() === 0, 'no script element on the start page');
    await step(page, '01-start');
    await page.click(`a[href="/report/${kind}"] >> nth=0`);
    check(page.url() === `${base}/report/${kind}`, 'the kind link opens its form');

    // 2. An empty submission shows the errors next to the fields, then the full form goes through.
    await page.waitForTimeout(1100);
    await page.click('button[type=submit]');
    check(await page.locator('#error-summary').count() === 1, 'an empty form shows the error summary');
    check(await page.locator('#field-summary[aria-invalid="true"]').count() === 1, 'the summary field is marked invalid');
    await step(page, '02-errors');
    await fillQuestionnaire(page, questionnaire,
                            (field) => `e2e ${field.name}: the app changed my shifts <without> telling me & why`);
    await step(page, '03-filled');
    await page.waitForTimeout(1100);  // the form token's minimum time (serve --form-min-seconds 1)
    await page.click('button[type=submit]');

    // 3. The receipt page.
    const receipt = (await page.textContent('#receipt-text')).trim();
    check(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/.test(receipt), `a receipt is shown (${receipt})`);
    await step(page, '04-receipt');

    // 4. Sign back in with the receipt (typed in lower case, as a person might).
    await page.goto(base + '/followup');
    await page.fill('#field-receipt', 'WRONG-RECEIPT');
    await page.click('button[type=submit]');
    check(await page.locator('#form-error').count() === 1, 'a wrong receipt shows one generic error');
    await page.fill('#field-receipt', receipt.toLowerCase());
    await page.click('button[type=submit]');
    check(page.url() === `${base}/followup/report`, 'sign-in leads to the report page');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'pillarbox_reporter');
    check(session && session.httpOnly && session.secure && session.sameSite === 'Strict' && session.path === '/',
          'the session cookie is HttpOnly, Secure, SameSite=Strict, Path=/');
    check((await page.textContent('#report-status')).length > 0, 'the status is shown in words');
    await step(page, '05-signed-in');

    // 5. A reviewer writes to the reporter through the JSON API.
    const staff = await apiLogin(base, admin);
    const listed = await api(base, 'GET', '/api/v1/reports?limit=10', undefined, staff);
    check(listed.status === 200 && listed.json.reports.length === 1, 'the reviewer sees the one report');
    const reportId = listed.json.reports[0].id;
    const question = 'Thank you. Did this happen to colleagues too?';
    const sent = await api(base, 'POST', `/api/v1/reports/${reportId}/messages`, { body: question }, staff);
    check(sent.status === 201, `the reviewer's message is stored (${sent.status})`);

    // 6. The reporter reads it and answers through the form.
    await page.reload();
    check((await page.textContent('#messages')).includes(question), 'the reviewer message reaches the reporter');
    await step(page, '06-message');
    const answer = 'Yes, three of us. We all got the same automated notice.';
    await page.waitForTimeout(1100);
    await page.fill('#field-body', answer);
    await page.click('form[action="/followup/messages"] button[type=submit]');
    check(page.url() === `${base}/followup/report?sent=1`, 'the answer is sent and the report shown again');
    check((await page.textContent('#messages')).includes(answer), 'the answer is in the conversation');
    await step(page, '07-answered');

    // 7. The reviewer reads the answer.
    const messages = await api(base, 'GET', `/api/v1/reports/${reportId}/messages`, undefined, staff);
    check(messages.status === 200, 'the reviewer reads the conversation');
    const bodies = messages.json.messages.map((m) => m.body);
    check(bodies.length === 2 && bodies[0] === question && bodies[1] === answer, 'the answer reaches the reviewer');

    // 8. The reporter attaches a file through the plain upload form.
    const evidence = 'Automated notice, 3 March: your shift pattern was changed by the planning system.\n';
    await page.waitForTimeout(1100);
    await page.setInputFiles('#field-file', { name: 'notice.txt', mimeType: 'text/plain', buffer: Buffer.from(evidence) });
    await page.click('form[action="/followup/files"] button[type=submit]');
    check(page.url() === `${base}/followup/report?added=1`, 'the file is added and the report shown again');
    check((await page.textContent('#files')).includes('notice.txt'), 'the file is listed on the report page');
    await step(page, '08-file-added');
    const files = await api(base, 'GET', `/api/v1/reports/${reportId}/files`, undefined, staff);
    check(files.status === 200 && files.json.files.length === 1, 'the reviewer sees the one file');
    const download = await fetch(`${base}/api/v1/reports/${reportId}/files/${files.json.files[0].id}`,
                                 { headers: { Authorization: `Bearer ${staff}` } });
    check(download.status === 200 && (await download.text()) === evidence, 'the reviewer downloads the same text');

    // Sign out: the cookie goes, the report page asks to sign in again.
    await page.click('form[action="/followup/signout"] button[type=submit]');
    await step(page, '09-signed-out');
    const after = await page.goto(base + '/followup/report');
    check(after.status() === 401, 'after sign-out the report page needs the receipt again');

    check(foreign.length === 0, `the browser only talked to the service: ${foreign.join(', ')}`);
    console.log(`reporter_no_js: passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${artifacts}`);
  } finally {
    if (browser) await browser.close();
    await service.stop();
    rmSync(dirname(dataDir), { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`reporter_no_js: FAILED: ${error.message}`);
  process.exit(1);
});
