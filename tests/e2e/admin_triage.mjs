// Browser test of the triage views (issue 7): the queue and one report.
//
// A reporter submits a report through the reporter HTML form with JavaScript
// disabled (its own browser context, 360 px), keeps the receipt and attaches
// a file from the follow-up page; 52 more reports come through the JSON API
// so the queue has a second page. The admin printed by init (a member of
// every desk) signs in to /admin, pages the queue ("Show older reports", the
// API's cursor), moves the selection with j/k, checks that shortcuts do not
// fire while typing in a field, uses "/" to reach the filters, narrows the
// queue to the reporter's region, moves to the report with the keyboard and
// opens it with Enter, reads an answer the reporter typed, creates and adds
// a tag, links a pillar, assigns the report to themself, moves it to in
// review, adds an internal note, sends a message, downloads the evidence
// file and redacts an answer for evidence bundles. Each change is then
// checked through the API, and the reporter reads the message on the no-JS
// follow-up page. axe and screenshots of the queue and the report view (wide
// and 360 px); checkClean at the end.
//
// Usage: node admin_triage.mjs --binary <pillarbox> [--artifacts <dir>] [--chromium <path>]
import { join } from 'node:path';
import { api, apiLogin, argument, check, initInstance, startService } from './support/service.mjs';
import { fillQuestionnaire } from './support/reporter.mjs';
import { checkAccessibility, checkClean, launchBrowser, openPage, screenshot, signInToAdmin } from './support/browser.mjs';

const binary = argument('--binary', process.env.PILLARBOX_BINARY);
const artifacts = join(argument('--artifacts', join(process.cwd(), 'e2e-artifacts')), 'triage');
if (!binary) throw new Error('--binary <pillarbox> is required');

const KIND = 'workplace_ai_harm';
const NARRATIVE = 'Since March the planning app cuts the hours of everyone who joined the union.';
const TAG = 'e2e union busting';
const NOTE = 'Internal: check against the two logistics reports from last month.';
const EVIDENCE = 'Automated notice, 3 March: your hours were reduced by the planning system.\n';
const MESSAGE = 'Thank you for telling us. Did the app give any reason for the cut hours?';

// Text for the no-JS reporter form: the narrative the test reads back later,
// a distinct text for the other text fields.
const answerText = (field) => (field.name === 'narrative' ? NARRATIVE : `e2e ${field.name}`);

// More reports through the JSON API, all in region "europe".
async function submitOthers(base, count) {
  for (let i = 0; i < count; i++) {
    const sent = await api(base, 'POST', '/api/v1/reports', {
      kind: KIND,
      answers: {
        summary: `Other report ${i}`, narrative: `Another worker's account, number ${i}.`,
        region: 'europe', sector: 'logistics_transport', harm_types: ['scheduling'],
      },
    });
    check(sent.status === 201, `API report ${i}: ${sent.status} ${sent.text}`);
  }
}

async function selectedRowId(page) {
  return page.evaluate(() => {
    const rows = document.querySelectorAll('table.triage-table tbody tr.selected');
    return rows.length === 1 ? rows[0].querySelector('a').getAttribute('href') : `${rows.length} selected`;
  });
}

async function main() {
  const started = Date.now();
  const { dataDir, admin } = initInstance(binary);
  const service = await startService(binary, dataDir, ['--form-min-seconds', '1']);
  const base = service.base;
  const browser = await launchBrowser(argument('--chromium', '/usr/bin/chromium'));
  try {
    // 1. The reporter, without JavaScript, submits through the HTML form.
    const reporter = await openPage(browser, base, { javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const questionnaire = (await api(base, 'GET', `/api/v1/questionnaires/${KIND}`)).json;
    await reporter.page.goto(`${base}/report/${KIND}`);
    await fillQuestionnaire(reporter.page, questionnaire, answerText);
    await reporter.page.waitForTimeout(1100);  // serve --form-min-seconds 1
    await reporter.page.click('button[type=submit]');
    const receipt = (await reporter.page.textContent('#receipt-text')).trim();
    check(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/.test(receipt), `a receipt is shown (${receipt})`);
    // ...and attaches a file from the follow-up page.
    await reporter.page.goto(`${base}/followup`);
    await reporter.page.fill('#field-receipt', receipt);
    await reporter.page.click('button[type=submit]');
    await reporter.page.waitForTimeout(1100);
    await reporter.page.setInputFiles('#field-file', { name: 'notice.txt', mimeType: 'text/plain', buffer: Buffer.from(EVIDENCE) });
    await reporter.page.click('form[action="/followup/files"] button[type=submit]');
    check(reporter.page.url() === `${base}/followup/report?added=1`, 'the reporter\'s file is added');
    await submitOthers(base, 52);

    const token = await apiLogin(base, admin);
    const me = (await api(base, 'GET', '/api/v1/auth/session', undefined, token)).json;
    const listed = await api(base, 'GET', '/api/v1/reports?region=global', undefined, token);
    check(listed.status === 200 && listed.json.reports.length === 1, `one report in region global: ${listed.text}`);
    const reportId = listed.json.reports[0].id;

    // 2. The admin signs in and lands on the queue.
    const tracked = await openPage(browser, base);
    const { page } = tracked;
    await signInToAdmin(page, base, admin);
    await page.getByRole('heading', { name: 'Triage queue' }).waitFor();
    check(page.url().endsWith('#/queue'), `the queue is the admin's start view: ${page.url()}`);
    const rows = page.locator('table.triage-table tbody tr');
    await page.getByRole('button', { name: 'New (53)' }).waitFor();
    check(await rows.count() === 50, `first page of 50 rows (${await rows.count()})`);
    check(await page.getByRole('cell', { name: /^Acknowledge by / }).count() === 50, 'each row says its deadline');
    await checkAccessibility(page, 'queue');
    await screenshot(page, artifacts, '01-queue');

    // Keyset paging: the older reports follow, none twice.
    await page.getByRole('button', { name: 'Show older reports' }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.triage-table tbody tr').length === 53);
    const hrefs = await page.locator('table.triage-table tbody tr a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    check(new Set(hrefs).size === 53, 'every report once after paging');
    check(await page.getByRole('button', { name: 'Show older reports' }).count() === 0, 'no more pages');

    // j/k move a visible selection; shortcuts do not fire in a field.
    await page.getByRole('heading', { name: 'Triage queue' }).click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    check(await selectedRowId(page) === hrefs[1], `j j j k selects the second row (${await selectedRowId(page)})`);
    await page.keyboard.press('/');
    check(await page.evaluate(() => document.activeElement.id) === 'filter-kind', '"/" focuses the first filter');
    await page.locator('#filter-from').focus();
    await page.keyboard.press('j');
    check(await selectedRowId(page) === hrefs[1], 'j typed in a field does not move the selection');
    await page.getByText('Keyboard shortcuts').click();
    await page.getByText('Open the selected report').waitFor();

    // Narrow to the reporter's region, move to the report, open it with Enter.
    await page.locator('#filter-region').selectOption('global');
    await page.waitForFunction(() => document.querySelectorAll('table.triage-table tbody tr').length === 1);
    await page.getByRole('button', { name: 'New (1)' }).waitFor();
    await page.getByRole('heading', { name: 'Triage queue' }).click();
    await page.keyboard.press('j');
    check(await selectedRowId(page) === `#/reports/${reportId}`, 'j selects the reporter\'s report');
    await screenshot(page, artifacts, '02-queue-filtered-selected');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#/reports/${id}`, reportId);

    // 3. The report: the reporter's own words, then the actions.
    await page.getByRole('heading', { name: 'Report', exact: true }).waitFor();
    await page.getByText(NARRATIVE).waitFor();
    const question = page.locator('dl.answers dt').filter({ hasText: 'Tell us what happened, in your own words' });
    check(await question.count() === 1, 'answers are labelled with the questions');
    check((await question.locator('xpath=following-sibling::dd').textContent()).includes(NARRATIVE), 'the answer is under its question');
    await page.getByRole('button', { name: 'Assign to me' }).waitFor();
    await checkAccessibility(page, 'report');
    await screenshot(page, artifacts, '03-report');

    await page.getByLabel('New tag').fill(TAG);
    await page.getByRole('button', { name: 'Create and add' }).click();
    await page.getByRole('status').filter({ hasText: `Tag “${TAG}” created and added.` }).waitFor();
    await page.getByRole('button', { name: `Remove tag ${TAG}` }).waitFor();

    await page.getByLabel('Narrative', { exact: true }).check();
    await page.getByRole('status').filter({ hasText: 'Linked to the pillar Narrative.' }).waitFor();

    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByRole('status').filter({ hasText: 'Assigned to you.' }).waitFor();

    await page.getByLabel('Move to').selectOption('in_review');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('status').filter({ hasText: 'Status changed to In review.' }).waitFor();

    await page.getByLabel('New internal note').fill(NOTE);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();
    await page.getByText(NOTE).waitFor();
    check(await page.getByText('never shown to the reporter').count() === 1, 'notes are marked as never shown to the reporter');

    await page.getByLabel('Message to the reporter').fill(MESSAGE);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('status').filter({ hasText: 'Message sent.' }).waitFor();
    await page.locator('.conversation').getByText(MESSAGE).waitFor();
    // The evidence file: listed with its type, downloaded as it was sent.
    const fileRow = page.locator('#files-title').locator('xpath=..').locator('tbody tr');
    await fileRow.filter({ hasText: 'notice.txt' }).waitFor();
    check((await fileRow.textContent()).includes('text/plain'), 'the file\'s type is listed');
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download notice.txt' }).click(),
    ]);
    const chunks = [];
    for await (const chunk of await saved.createReadStream()) chunks.push(chunk);
    check(Buffer.concat(chunks).toString() === EVIDENCE, 'the downloaded file is the one the reporter sent');

    // A whole-answer redaction for evidence bundles, listed with its reason.
    await page.getByLabel('Answer to redact').selectOption('contact');
    await page.getByLabel('Reason for redacting').selectOption('personal_data');
    await page.getByRole('button', { name: 'Redact whole answer' }).click();
    await page.getByRole('status').filter({ hasText: 'is redacted in evidence bundles' }).waitFor();
    await page.getByRole('button', { name: /^Remove the redaction of How could we reach you/ }).waitFor();
    await checkAccessibility(page, 'report after changes');
    await screenshot(page, artifacts, '04-report-triaged');

    // A narrow screen: the side panel goes below, nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `report: no sideways scrolling at 360 px (overflow ${overflow} px)`);
    await screenshot(page, artifacts, '05-report-narrow');
    await page.getByRole('link', { name: 'Back to the queue' }).click();
    await page.getByRole('heading', { name: 'Triage queue' }).waitFor();
    await page.locator('table.triage-table tbody tr').first().waitFor();
    const queueOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(queueOverflow <= 0, `queue: no sideways scrolling at 360 px (overflow ${queueOverflow} px)`);
    check(await page.locator('#filter-region').inputValue() === 'global', 'the filters are kept when coming back');
    check(await selectedRowId(page) === `#/reports/${reportId}`, 'the report opened last is selected again');
    await checkAccessibility(page, 'queue narrow');
    await screenshot(page, artifacts, '06-queue-narrow');

    // 4. Everything through the API.
    const report = await api(base, 'GET', `/api/v1/reports/${reportId}`, undefined, token);
    check(report.status === 200, `GET report ${report.status}`);
    check(report.json.tags.some((tag) => tag.name === TAG), `the tag is on the report: ${JSON.stringify(report.json.tags)}`);
    check(report.json.pillars.includes('narrative'), `the pillar is linked: ${JSON.stringify(report.json.pillars)}`);
    const mine = await api(base, 'GET', '/api/v1/reports?assignee=me&status=in_review', undefined, token);
    const item = mine.json.reports.find((one) => one.id === reportId);
    check(item && item.assignee === me.user_id && item.status === 'in_review', `assigned to the admin and in review: ${mine.text}`);
    const notes = await api(base, 'GET', `/api/v1/reports/${reportId}/notes`, undefined, token);
    check(notes.json.notes.length === 1 && notes.json.notes[0].body === NOTE, `the note is stored: ${notes.text}`);
    const redactions = await api(base, 'GET', `/api/v1/reports/${reportId}/redactions`, undefined, token);
    check(redactions.json.redactions.length === 1 && redactions.json.redactions[0].field === 'contact'
          && redactions.json.redactions[0].reason === 'personal_data' && redactions.json.redactions[0].span === null,
          `the redaction is stored: ${redactions.text}`);
    const messages = await api(base, 'GET', `/api/v1/reports/${reportId}/messages`, undefined, token);
    check(messages.json.messages.length === 1 && messages.json.messages[0].body === MESSAGE, `the message is stored: ${messages.text}`);

    // 5. The reporter reads the message on the no-JS follow-up page.
    await reporter.page.goto(`${base}/followup`);
    await reporter.page.fill('#field-receipt', receipt);
    await reporter.page.click('button[type=submit]');
    check(reporter.page.url() === `${base}/followup/report`, 'the reporter is back on their report');
    check((await reporter.page.textContent('#messages')).includes(MESSAGE), 'the reviewer\'s message reaches the reporter');
    check(!(await reporter.page.content()).includes(NOTE), 'the internal note never reaches the reporter');
    await screenshot(reporter.page, artifacts, '07-reporter-reads-message');

    checkClean(tracked, 'admin triage');
    checkClean(reporter, 'reporter follow-up');
    console.log(`admin_triage: passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${artifacts}`);
  } finally {
    await browser.close();
    await service.stop();
  }
}

main().catch((error) => {
  console.error(`admin_triage: FAILED: ${error.stack || error}`);
  process.exit(1);
});
