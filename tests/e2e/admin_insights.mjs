// Browser test of the insights views (issue 7): statistics for researchers
// and evidence bundles for partners.
//
// Fixture: reports are submitted through POST /api/v1/reports, the service
// is stopped, their received_day (a clear column) is moved back into the two
// previous complete months with the sqlite3 CLI, and the service starts
// again (--stats-threshold 5). Some kind x month cells are under 5, so the
// threshold mechanism suppresses them.
//
// Researcher: signs in to /admin, runs the default threshold query (by kind,
// the last 12 complete months), sees a drawn line chart and a table whose
// numbers equal GET /api/v1/stats for the same query, suppressed cells
// written "suppressed", downloads the CSV (equal to GET /api/v1/stats.csv),
// gets a repeated dimension's 400 next to the dimensions, runs a kind x
// region query (equal to the API's too), runs a DP query and sees the budget drop, and an over-budget epsilon
// shows the API's 409 message next to the epsilon field.
//
// Partner: an organization is registered with a key from `pillarbox bundle
// keygen`, a reviewer shares a case as a bundle through the API, the partner
// signs in, sees it under Bundles, downloads it, and `pillarbox bundle
// verify <file> --key ORG.key` succeeds on the downloaded bytes.
//
// Usage: node admin_insights.mjs --binary <pillarbox> [--artifacts <dir>] [--chromium <path>]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, apiLogin, argument, check, createAccount, initInstance, startService } from './support/service.mjs';
import { checkAccessibility, checkClean, launchBrowser, openPage, screenshot, signInToAdmin } from './support/browser.mjs';

const binary = argument('--binary', process.env.PILLARBOX_BINARY);
const artifacts = join(argument('--artifacts', join(process.cwd(), 'e2e-artifacts')), 'insights');
if (!binary) throw new Error('--binary <pillarbox> is required');

const K = 5;
const SERVE_ARGS = ['--stats-threshold', String(K), '--submissions-per-minute', '0'];

// Fresh accounts sign in with the current step's code first: a code of the
// previous step can expire while a loaded machine derives the password key.
function freshCodes(account) {
  account.lastStep = Math.floor(Date.now() / 30000) - 1;
  return account;
}

function monthName(index) {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const now = new Date();
const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
const M1 = monthName(current - 2);
const M2 = monthName(current - 1);
const FROM = monthName(current - 12);
// Reports per kind and month: the small ones (under K) are suppressed.
const PLAN = [
  { month: M1, kind: 'voice_cloning', count: 7 },
  { month: M1, kind: 'workplace_ai_harm', count: 6 },
  { month: M1, kind: 'algorithmic_injustice', count: 2 },
  { month: M2, kind: 'voice_cloning', count: 8 },
  { month: M2, kind: 'workplace_ai_harm', count: 3 },
  { month: M2, kind: 'algorithmic_injustice', count: 6 },
];

// A valid POST /api/v1/reports body answering every field of
// `questionnaire` (as tests/integration/report_payloads.cc does).
function buildReport(questionnaire, marker) {
  const answers = {};
  for (const field of questionnaire.fields) {
    if (field.type === 'short_text' || field.type === 'long_text') answers[field.name] = `${marker}-${field.name} a reporter's words`;
    else if (field.type === 'enum') answers[field.name] = field.options[0].value;
    else if (field.type === 'multi_enum') answers[field.name] = [field.options[0].value, field.options[1].value];
    else if (field.type === 'year_month') answers[field.name] = '2025-03';
  }
  return { kind: questionnaire.kind, answers };
}

async function submit(base, questionnaire, marker) {
  const answer = await api(base, 'POST', '/api/v1/reports', buildReport(questionnaire, marker));
  check(answer.status === 201, `submit ${questionnaire.kind}: ${answer.status} ${answer.text}`);
}

function sql(dataDir, statement) {
  execFileSync('sqlite3', [join(dataDir, 'pillarbox.db'), statement], { encoding: 'utf8' });
}

// Submits the planned reports, then moves them into their months offline.
async function seedStatistics(binary, dataDir, service) {
  const questionnaires = {};
  for (const { kind } of PLAN) {
    if (!questionnaires[kind]) questionnaires[kind] = (await api(service.base, 'GET', `/api/v1/questionnaires/${kind}`)).json;
  }
  for (const entry of PLAN) {
    for (let i = 0; i < entry.count; i++) await submit(service.base, questionnaires[entry.kind], 'STATS');
  }
  await service.stop();
  const today = now.toISOString().slice(0, 10);
  for (const entry of PLAN) {
    // Only the clear received_day changes; the sealed answers stay as stored.
    sql(dataDir, `UPDATE reports SET received_day = '${entry.month}-15' WHERE id IN (SELECT id FROM reports `
      + `WHERE kind = '${entry.kind}' AND received_day = '${today}' LIMIT ${entry.count});`);
  }
  const moved = execFileSync('sqlite3', [join(dataDir, 'pillarbox.db'),
    `SELECT count(*) FROM reports WHERE received_day IN ('${M1}-15', '${M2}-15');`], { encoding: 'utf8' }).trim();
  check(Number(moved) === PLAN.reduce((sum, entry) => sum + entry.count, 0), `reports moved back: ${moved}`);
  return { questionnaires, service: await startService(binary, dataDir, SERVE_ARGS) };
}

// The cells of a stats answer as "month|kind=value" -> count or 'suppressed'.
function apiCells(answer) {
  const cells = new Map();
  for (const cell of answer.cells) {
    const key = answer.dimensions.map((dimension) => `${dimension}=${cell[dimension]}`).join('|');
    cells.set(`${cell.month}|${key}`, cell.suppressed ? 'suppressed' : String(cell.count));
  }
  return cells;
}

// The series table as "month|combo" -> text.
async function tableCells(page) {
  return page.evaluate(() => {
    const out = {};
    for (const row of document.querySelectorAll('#stats-series-table tbody tr')) {
      for (const td of row.querySelectorAll('td')) out[`${row.dataset.month}|${td.dataset.combo}`] = td.textContent.trim();
    }
    return out;
  });
}

// Drawn (non-transparent) pixels of a canvas.
async function drawnPixels(page, selector) {
  return page.evaluate((css) => {
    const canvas = document.querySelector(css);
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
    return drawn;
  }, selector);
}

async function researcherSteps(browser, base, admin, adminToken) {
  const researcher = await freshCodes(await createAccount(base, adminToken, { username: 'rita-researcher', role: 'researcher' }));
  const researcherToken = await apiLogin(base, researcher);
  const tracked = await openPage(browser, base);
  const { page } = tracked;
  await signInToAdmin(page, base, researcher);
  await page.getByRole('link', { name: 'Statistics' }).click();
  await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
  check(await page.getByLabel('First dimension', { exact: true }).inputValue() === 'kind', 'kind is the default dimension');
  check(await page.getByLabel('From', { exact: true }).inputValue() === FROM, 'the default range starts 12 months back');
  check(await page.getByLabel('To', { exact: true }).inputValue() === M2, 'the default range ends with the last complete month');
  await checkAccessibility(page, 'statistics form');
  await screenshot(page, artifacts, '01-stats-form');

  // A dimension chosen twice: the API's 400 (field group_by) by the dimensions.
  await page.getByLabel('Second dimension', { exact: true }).selectOption('kind');
  await page.getByRole('button', { name: 'Show statistics' }).click();
  const groupError = page.locator('#stats-group-error');
  await groupError.waitFor();
  const repeated = await api(base, 'GET', `/api/v1/stats?group_by=kind,kind&from=${FROM}&to=${M2}`, undefined, researcherToken);
  check(repeated.status === 400 && repeated.json.error.field === 'group_by', `repeated dimension: ${repeated.status}`);
  const shownGroupError = await groupError.textContent();
  check(shownGroupError === repeated.json.error.message, `the group_by message by the dimensions: ${shownGroupError} / ${repeated.json.error.message}`);
  await page.getByLabel('Second dimension', { exact: true }).selectOption('');

  // Threshold (the default).
  await page.getByRole('button', { name: 'Show statistics' }).click();
  await page.locator('#stats-series-table').waitFor();
  const query = `group_by=kind&from=${FROM}&to=${M2}&mechanism=threshold`;
  const expected = await api(base, 'GET', `/api/v1/stats?${query}`, undefined, researcherToken);
  check(expected.status === 200, `API stats: ${expected.status} ${expected.text}`);
  const cells = apiCells(expected.json);
  const shown = await tableCells(page);
  check(Object.keys(shown).length === 12 * 3, `the table shows 12 months x 3 kinds: ${Object.keys(shown).length}`);
  for (const [key, text] of Object.entries(shown)) {
    check(cells.get(key) === text, `table cell ${key}: page ${text}, API ${cells.get(key)}`);
  }
  for (const entry of PLAN.filter((planned) => planned.count >= K)) {
    const key = `${entry.month}|kind=${entry.kind}`;
    check(shown[key] === String(entry.count) || shown[key] === 'suppressed', `${key}: ${shown[key]}`);
  }
  const small = `${M1}|kind=algorithmic_injustice`;
  check(shown[small] === 'suppressed', `a count under k is written suppressed: ${shown[small]}`);
  check(!Object.values(shown).some((text) => text === '2' || text === '3'), 'no count under k is shown');
  const line = page.locator('#stats-line-chart');
  check((await line.getAttribute('aria-label')).startsWith('Line chart of reports per month'), 'the line chart is labelled');
  check(await drawnPixels(page, '#stats-line-chart') > 2000, 'the line chart is drawn');
  check(await drawnPixels(page, '#stats-bar-chart') > 2000, 'the bar chart is drawn');
  const monthRows = await page.locator('#stats-month-table tbody tr').allTextContents();
  check(monthRows.some((row) => row.includes('suppressed')), `the bar table of ${M2} writes suppressed: ${monthRows}`);
  await page.getByText('fewer than 5 reports, or hidden so that one cannot be worked out', { exact: false }).waitFor();
  const budgetBefore = Number(expected.json.remaining_budget);
  check((await page.locator('#stats-budget').textContent()).includes(expected.json.remaining_budget), 'the budget is shown');
  await checkAccessibility(page, 'statistics results');
  await screenshot(page, artifacts, '02-stats-threshold');

  // The CSV download equals the API's CSV.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csvFile = join(mkdtempSync(join(tmpdir(), 'pillarbox-e2e-csv-')), 'stats.csv');
  await csvDownload.saveAs(csvFile);
  const apiCsv = await api(base, 'GET', `/api/v1/stats.csv?${query}`, undefined, researcherToken);
  check(readFileSync(csvFile, 'utf8') === apiCsv.text, 'the downloaded CSV equals GET /api/v1/stats.csv');
  check(csvDownload.suggestedFilename() === 'pillarbox-stats.csv', `CSV name ${csvDownload.suggestedFilename()}`);

  // The bar chart follows the chosen month.
  await page.getByLabel('Month', { exact: true }).selectOption(M1);
  const m1Label = new Date(Date.UTC(Math.floor((current - 2) / 12), (current - 2) % 12, 1))
    .toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  await page.locator('#stats-month-table thead th', { hasText: m1Label }).waitFor();
  const barCell = await page.locator('#stats-month-table td[data-combo="kind=voice_cloning"]').textContent();
  check(barCell === cells.get(`${M1}|kind=voice_cloning`), `bar table of ${M1}: ${barCell}`);

  // Two dimensions (group_by=kind,region): the table still equals the API.
  await page.getByLabel('Second dimension', { exact: true }).selectOption('region');
  await page.getByRole('button', { name: 'Show statistics' }).click();
  await page.locator('#stats-series-table td[data-combo*="|region="]').first().waitFor();
  const twoDims = await api(base, 'GET', `/api/v1/stats?group_by=kind,region&from=${FROM}&to=${M2}&mechanism=threshold`,
                            undefined, researcherToken);
  check(twoDims.status === 200, `API stats by kind and region: ${twoDims.status}`);
  const twoCells = apiCells(twoDims.json);
  const twoShown = await tableCells(page);
  check(Object.keys(twoShown).length > 0, 'the kind x region table has cells');
  for (const [key, text] of Object.entries(twoShown)) {
    check(twoCells.get(key) === text, `kind x region cell ${key}: page ${text}, API ${twoCells.get(key)}`);
  }
  await page.getByLabel('Second dimension', { exact: true }).selectOption('');

  // DP: the epsilon charged and the budget left; the budget drops.
  await page.getByLabel('Differential privacy', { exact: false }).check();
  await page.getByLabel('Epsilon', { exact: true }).fill('1.5');
  await page.getByRole('button', { name: 'Show statistics' }).click();
  await page.getByRole('status').filter({ hasText: 'epsilon 1.5 was charged' }).waitFor();
  const budgetAfter = Number((await page.locator('#stats-budget strong').textContent()).trim());
  check(Math.abs(budgetBefore - 1.5 - budgetAfter) < 1e-9, `the budget dropped by 1.5: ${budgetBefore} -> ${budgetAfter}`);
  check(await page.locator('#stats-series-table td', { hasText: 'suppressed' }).count() === 0, 'DP suppresses nothing');
  check(await drawnPixels(page, '#stats-line-chart') > 2000, 'the DP line chart is drawn');
  await screenshot(page, artifacts, '03-stats-dp');

  // Over budget: the API's 409 message next to the epsilon field.
  await page.getByLabel('Epsilon', { exact: true }).fill('1000');
  await page.getByLabel('Epsilon', { exact: true }).press('Enter');  // the keyboard submits the form
  const epsilonError = page.locator('#stats-epsilon-error');
  await epsilonError.waitFor();
  const refused = await api(base, 'GET', `/api/v1/stats?group_by=kind&from=${FROM}&to=${M2}&mechanism=dp&epsilon=1000`,
                            undefined, researcherToken);
  check(refused.status === 409 && refused.json.error.field === 'epsilon', `over budget: ${refused.status} ${refused.text}`);
  check((await epsilonError.textContent()) === refused.json.error.message, 'the 409 message is shown by the field');
  check(await page.getByLabel('Epsilon', { exact: true }).getAttribute('aria-invalid') === 'true', 'the epsilon field is marked invalid');
  await checkAccessibility(page, 'statistics over budget');
  await screenshot(page, artifacts, '04-stats-over-budget');

  // A narrow screen: nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 780 });
  // chart.js resizes its canvas on the next animation frame after a resize.
  await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
                             undefined, { timeout: 3000 }).catch(() => {});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const widest = await page.evaluate(() => [...document.querySelectorAll('main *')]
    .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5).map((element) => `${element.tagName}.${element.className}#${element.id}`).join(', '));
  check(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow} px: ${widest})`);
  await screenshot(page, artifacts, '05-stats-narrow');
  checkClean(tracked, 'statistics');
  await tracked.context.close();
}

async function partnerSteps(browser, base, adminToken, questionnaires) {
  const work = mkdtempSync(join(tmpdir(), 'pillarbox-e2e-org-'));
  const keyFile = join(work, 'ORG.key');
  const publicKey = execFileSync(binary, ['bundle', 'keygen', '--out', keyFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const organization = await api(base, 'POST', '/api/v1/organizations', { name: 'Workers Rights Clinic', public_key: publicKey }, adminToken);
  check(organization.status === 201, `register organization: ${organization.status} ${organization.text}`);
  const partner = freshCodes(await createAccount(base, adminToken,
                                      { username: 'pat-partner', role: 'partner', organization_id: organization.json.id }));
  const desks = await api(base, 'GET', '/api/v1/desks', undefined, adminToken);
  const desk = desks.json.desks.find((entry) => entry.kinds.includes('voice_cloning'));
  const reviewer = freshCodes(await createAccount(base, adminToken, { username: 'rob-reviewer', role: 'reviewer', desks: [desk.id] }));
  const reviewerToken = await apiLogin(base, reviewer);
  await submit(base, questionnaires.voice_cloning, 'BUNDLE');
  const reports = await api(base, 'GET', '/api/v1/reports?limit=100', undefined, reviewerToken);
  const today = now.toISOString().slice(0, 10);
  const report = reports.json.reports.find((entry) => entry.received_day === today);
  check(report, 'the new report is listed');
  const created = await api(base, 'POST', '/api/v1/cases', { desk: desk.id, title: 'Cloned voice in adverts' }, reviewerToken);
  check(created.status === 201, `create case: ${created.status} ${created.text}`);
  const linked = await api(base, 'POST', `/api/v1/cases/${created.json.id}/reports`, { report_id: report.id }, reviewerToken);
  check(linked.status === 200, `link report: ${linked.status} ${linked.text}`);
  const shared = await api(base, 'POST', `/api/v1/cases/${created.json.id}/bundles`, { organization_id: organization.json.id }, reviewerToken);
  check(shared.status === 201, `share bundle: ${shared.status} ${shared.text}`);
  const bundleName = `pillarbox-bundle-${shared.json.id.slice(0, 8)}.pbx`;

  const tracked = await openPage(browser, base);
  const { page } = tracked;
  await signInToAdmin(page, base, partner);
  await page.getByRole('link', { name: 'Bundles' }).click();
  await page.getByRole('heading', { name: 'Evidence bundles', level: 1 }).waitFor();
  const row = page.getByRole('row', { name: new RegExp(bundleName) });
  await row.waitFor();
  check(await page.getByRole('heading', { name: 'Checking and opening a bundle' }).count() === 1, 'the offline instructions are shown');
  check((await page.locator('pre').first().textContent()).includes(`pillarbox bundle verify ${bundleName} --key ORG.key`),
        'the instructions name the bundle file');
  await checkAccessibility(page, 'bundles');
  await screenshot(page, artifacts, '06-bundles-partner');

  const [bundleDownload] = await Promise.all([page.waitForEvent('download'),
                                             row.getByRole('button', { name: `Download ${bundleName}` }).click()]);
  check(bundleDownload.suggestedFilename() === bundleName, `bundle file name ${bundleDownload.suggestedFilename()}`);
  const bundleFile = join(work, bundleName);
  await bundleDownload.saveAs(bundleFile);
  await page.getByRole('status').filter({ hasText: `Downloaded ${bundleName}` }).waitFor();
  const verify = spawnSync(binary, ['bundle', 'verify', bundleFile, '--key', keyFile], { encoding: 'utf8' });
  check(verify.status === 0 && verify.stdout.includes('bundle intact'),
        `bundle verify of the downloaded file: ${verify.status} ${verify.stdout} ${verify.stderr}`);
  check(verify.stdout.includes(`bundle: ${shared.json.id}`), 'the downloaded bundle is the one shared');
  await screenshot(page, artifacts, '07-bundles-downloaded');
  checkClean(tracked, 'bundles (partner)');
  await tracked.context.close();

  // The reviewer who shared it sees it with its case, and no download.
  const staff = await openPage(browser, base);
  await signInToAdmin(staff.page, base, reviewer);
  await staff.page.goto(`${base}/admin#/bundles`);
  const staffRow = staff.page.getByRole('row', { name: new RegExp(bundleName) });
  await staffRow.waitFor();
  check((await staffRow.textContent()).includes(`Case ${created.json.id.slice(0, 8)}`) && (await staffRow.textContent()).includes('You'),
        'the reviewer sees the case and that they shared it');
  check(await staffRow.getByRole('button').count() === 0, 'staff have no download button');
  await checkAccessibility(staff.page, 'bundles (reviewer)');
  await screenshot(staff.page, artifacts, '08-bundles-reviewer');
  checkClean(staff, 'bundles (reviewer)');
  await staff.context.close();
}

async function main() {
  const started = Date.now();
  const { dataDir, admin } = initInstance(binary);
  let service = await startService(binary, dataDir, SERVE_ARGS);
  const seeded = await seedStatistics(binary, dataDir, service);
  service = seeded.service;
  const browser = await launchBrowser(argument('--chromium', '/usr/bin/chromium'));
  try {
    const adminToken = await apiLogin(service.base, freshCodes(admin));
    await researcherSteps(browser, service.base, admin, adminToken);
    await partnerSteps(browser, service.base, adminToken, seeded.questionnaires);
    console.log(`admin_insights: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close();
    await service.stop();
  }
}

main().catch((error) => {
  console.error(`admin_insights: FAILED: ${error.stack || error}`);
  process.exit(1);
});
