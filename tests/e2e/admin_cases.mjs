// Browser test of the cases views of the reviewers' web app (issue 7): set
// up through the API three workplace reports (two naming the same employer
// in different spellings, so an aggregation group exists) and a partner
// organization; then, as the admin in the browser: add an action in the
// Actions view, create a case from the board (a missing title is refused
// next to its field), add a report from the picker, link a pillar and the
// action, add a note, see the timeline tell it, save an edit that went stale
// (409: the view says so and reloads) and then a fresh one, share an
// evidence bundle, create a second case and merge it into the first through
// the confirmation dialog, and open the aggregation group of two reports.
// Asserts through the API afterwards; then a reviewer of the desk opens the
// case and the bundle form (organizations listed for reviewers). axe and a
// screenshot on every view.
//
// Usage: node admin_cases.mjs --binary <pillarbox> [--artifacts <dir>] [--chromium <path>]
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { api, apiLogin, argument, check, createAccount, initInstance, startService } from './support/service.mjs';
import { checkAccessibility, checkClean, launchBrowser, openPage, screenshot, signInToAdmin } from './support/browser.mjs';

const binary = argument('--binary', process.env.PILLARBOX_BINARY);
const artifacts = join(argument('--artifacts', join(process.cwd(), 'e2e-artifacts')), 'cases');
if (!binary) throw new Error('--binary <pillarbox> is required');

function workplaceReport(summary, organization) {
  return {
    kind: 'workplace_ai_harm',
    answers: {
      summary,
      narrative: `${summary}: the app decides our shifts and flags slow workers.`,
      region: 'europe',
      sector: 'logistics_transport',
      harm_types: ['scheduling'],
      organization,
    },
  };
}

// Submits a report and finds its id in the admin's triage queue (newest first).
async function submitReport(base, token, body) {
  const before = await api(base, 'GET', '/api/v1/reports?limit=100', undefined, token);
  const known = new Set(before.json.reports.map((report) => report.id));
  const submitted = await api(base, 'POST', '/api/v1/reports', body);
  check(submitted.status === 201, `submit: ${submitted.status} ${submitted.text}`);
  const after = await api(base, 'GET', '/api/v1/reports?limit=100', undefined, token);
  const fresh = after.json.reports.filter((report) => !known.has(report.id));
  check(fresh.length === 1, `one new report in the queue, got ${fresh.length}`);
  return fresh[0].id;
}

async function main() {
  const started = Date.now();
  const { dataDir, admin } = initInstance(binary);
  const service = await startService(binary, dataDir);
  const base = service.base;
  const browser = await launchBrowser(argument('--chromium', '/usr/bin/chromium'));
  try {
    const token = await apiLogin(base, admin);
    const taxonomy = (await api(base, 'GET', '/api/v1/taxonomy')).json;
    const pillar = taxonomy.pillars[2];
    const first = await submitReport(base, token, workplaceReport('Shifts set by an app', 'Acme Logistics'));
    const second = await submitReport(base, token, workplaceReport('Flagged as slow by the app', '  acme   LOGISTICS '));
    const third = await submitReport(base, token, workplaceReport('Pay cut by an algorithm', 'Other Employer Ltd'));
    const labelled = await api(base, 'PUT', `/api/v1/reports/${third}/pillars/${pillar.value}`, undefined, token);
    check(labelled.status === 200, `pillar on a report: ${labelled.status}`);
    const desks = (await api(base, 'GET', '/api/v1/desks', undefined, token)).json.desks;
    const workDesk = desks.find((desk) => desk.kinds.includes('workplace_ai_harm')).id;
    const organization = await api(base, 'POST', '/api/v1/organizations',
                                   { name: 'Couriers Union', public_key: randomBytes(32).toString('hex') }, token);
    check(organization.status === 201, `organization: ${organization.status} ${organization.text}`);

    const tracked = await openPage(browser, base);
    const { page } = tracked;
    await signInToAdmin(page, base, admin);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const navLabels = await nav.getByRole('link').allTextContents();
    const at = (label) => navLabels.indexOf(label);
    check(at('Cases') >= 0 && at('Cases') < at('Actions') && at('Actions') < at('Aggregation'),
          `navigation order Cases, Actions, Aggregation: ${navLabels.join(', ')}`);

    // The actions catalogue: add an action.
    await nav.getByRole('link', { name: 'Actions' }).click();
    await page.getByRole('heading', { name: 'Actions', level: 1 }).waitFor();
    await page.getByText('No actions match these filters.').waitFor();
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.locator('.action-form .field-error').first().waitFor();  // the API names the first bad field
    await page.getByLabel('Way to act').first().selectOption({ label: 'Undertake legal action' });
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Lawsuit' });
    await page.getByLabel('Name', { exact: true }).fill('Couriers v. Acme scheduling');
    await page.getByLabel('Region', { exact: true }).first().selectOption({ label: 'Europe' });
    await checkAccessibility(page, 'actions catalogue with the add form');
    await screenshot(page, artifacts, '01-actions-add');
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.getByRole('heading', { name: 'Couriers v. Acme scheduling', level: 1 }).waitFor();
    const actionId = page.url().split('#/actions/')[1];
    check(/^[0-9a-f]{32}$/.test(actionId), `action id in the address: ${page.url()}`);
    await page.getByText('No case of your desks is linked to this action.').waitFor();
    await checkAccessibility(page, 'action');
    await screenshot(page, artifacts, '02-action');

    // The board: create a case (a missing title is refused next to it).
    await nav.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByText('No open cases.').waitFor();
    await checkAccessibility(page, 'case board (empty)');
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.locator('#case-title-error').waitFor();
    check(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid') === 'true', 'title marked invalid');
    await checkAccessibility(page, 'new case form with an error');
    await screenshot(page, artifacts, '03-new-case-error');
    await page.getByLabel('Desk', { exact: true }).selectOption(workDesk);
    await page.getByLabel('Title', { exact: true }).fill('Acme scheduling app');
    await page.getByLabel('Summary (optional)').fill('Couriers report an app that sets shifts.');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: 'Acme scheduling app', level: 1 }).waitFor();
    const caseId = page.url().split('#/cases/')[1];
    check(/^[0-9a-f]{32}$/.test(caseId), `case id in the address: ${page.url()}`);

    // Add a report from the picker.
    await page.getByRole('button', { name: 'Add reports' }).click();
    await page.getByRole('button', { name: `Add report ${first.slice(0, 8)} to the case` }).click();
    await page.getByRole('status').filter({ hasText: `Report ${first.slice(0, 8)} was added to the case.` }).waitFor();
    await page.getByRole('link', { name: `Report ${first.slice(0, 8)}` }).waitFor();
    await checkAccessibility(page, 'case with the report picker');
    await screenshot(page, artifacts, '04-case-picker');
    await page.getByRole('button', { name: 'Close the picker' }).click();

    // A pillar, the action, a note.
    await page.getByRole('checkbox', { name: pillar.label, exact: true }).check();
    await page.getByRole('status').filter({ hasText: `Pillar “${pillar.label}” was linked.` }).waitFor();
    await page.getByLabel('Link an action from the catalogue').selectOption({ label: 'Couriers v. Acme scheduling' });
    await page.getByRole('button', { name: 'Link action' }).click();
    await page.getByRole('status').filter({ hasText: 'Action “Couriers v. Acme scheduling” was linked.' }).waitFor();
    await page.getByLabel('New note').fill('Talk to the union rep first.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.note').filter({ hasText: 'Talk to the union rep first.' }).waitFor();

    // The timeline tells all of it, in order.
    const timeline = page.locator('ol.timeline > li');
    await timeline.filter({ hasText: 'An internal note was added' }).waitFor();
    const events = await timeline.allTextContents();
    const expected = ['The case was opened', `Report ${first.slice(0, 8)} was added`, `Pillar “${pillar.label}” was linked`,
                      'Action “Couriers v. Acme scheduling” was linked', 'An internal note was added'];
    check(events.length === expected.length && expected.every((text, i) => events[i].startsWith(text) && events[i].includes('by you')),
          `timeline: ${JSON.stringify(events)}`);
    check(await page.getByRole('checkbox', { name: pillar.label, exact: true }).isChecked(), 'the pillar stays checked after reload');
    await checkAccessibility(page, 'case');
    await screenshot(page, artifacts, '05-case');

    // An edit that went stale: someone else changed the case meanwhile.
    await page.getByRole('button', { name: 'Edit title, summary or status' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Acme scheduling app (edited here)');
    const current = await api(base, 'GET', `/api/v1/cases/${caseId}`, undefined, token);
    const other = await api(base, 'PATCH', `/api/v1/cases/${caseId}`,
                            { revision: current.json.revision, summary: 'Changed elsewhere.' }, token);
    check(other.status === 200, `concurrent edit: ${other.status} ${other.text}`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone changed this case since you opened it' }).waitFor();
    await page.waitForFunction(() => document.getElementById('edit-summary')?.value === 'Changed elsewhere.');
    await checkAccessibility(page, 'case edit after a conflict');
    await screenshot(page, artifacts, '06-case-conflict');
    await page.getByLabel('Title', { exact: true }).fill('Acme scheduling app');
    await page.getByLabel('Status', { exact: true }).selectOption('open');
    await page.getByLabel('Summary', { exact: true }).fill('Couriers report an app that sets shifts and flags them.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'The case was saved.' }).waitFor();

    // Share as an evidence bundle with the organization.
    await page.getByRole('button', { name: 'Prepare a bundle' }).click();
    await page.getByLabel('Organization', { exact: true }).selectOption({ label: 'Couriers Union' });
    await checkAccessibility(page, 'bundle form');
    await page.getByRole('button', { name: 'Share the bundle' }).click();
    await page.getByRole('status').filter({ hasText: 'was made for Couriers Union' }).waitFor({ timeout: 30000 });

    // Legal hold: placed in one click, released only after the dialog.
    await page.getByRole('button', { name: 'Place on legal hold' }).click();
    await page.getByRole('status').filter({ hasText: 'The case is on legal hold.' }).waitFor();
    check((await api(base, 'GET', `/api/v1/cases/${caseId}`, undefined, token)).json.legal_hold === true, 'the hold is stored');
    await page.getByRole('button', { name: 'Release the legal hold' }).click();
    const release = page.getByRole('alertdialog', { name: 'Release the legal hold?' });
    await release.waitFor();
    await checkAccessibility(page, 'legal hold release dialog');
    await release.getByRole('button', { name: 'Cancel' }).click();
    check((await api(base, 'GET', `/api/v1/cases/${caseId}`, undefined, token)).json.legal_hold === true, 'Cancel keeps the hold');
    await page.getByRole('button', { name: 'Release the legal hold' }).click();
    await release.getByRole('button', { name: 'Release the hold' }).click();
    await page.getByRole('status').filter({ hasText: 'The legal hold was released.' }).waitFor();
    check((await api(base, 'GET', `/api/v1/cases/${caseId}`, undefined, token)).json.legal_hold === false, 'the release is stored');
    await page.getByRole('button', { name: 'Place on legal hold' }).click();
    await page.getByRole('status').filter({ hasText: 'The case is on legal hold.' }).waitFor();

    // A second case with the second report, merged into the first.
    await nav.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'Acme scheduling app' }).waitFor();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Desk', { exact: true }).selectOption(workDesk);
    await page.getByLabel('Title', { exact: true }).fill('Acme flags slow couriers');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: 'Acme flags slow couriers', level: 1 }).waitFor();
    const secondCaseId = page.url().split('#/cases/')[1];
    await page.getByRole('button', { name: 'Add reports' }).click();
    await page.getByRole('button', { name: `Add report ${second.slice(0, 8)} to the case` }).click();
    await page.getByRole('link', { name: `Report ${second.slice(0, 8)}` }).waitFor();
    await page.getByLabel('Case to merge this one into').selectOption({ label: 'Acme scheduling app' });
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Merge these cases?' });
    await dialog.waitFor();
    check((await dialog.textContent()).includes('cannot be undone'), 'the dialog says what happens');
    await checkAccessibility(page, 'merge dialog');
    await screenshot(page, artifacts, '07-merge-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Merge…' }).click();
    await dialog.getByRole('button', { name: 'Merge the cases' }).click();
    await page.getByRole('heading', { name: 'Acme scheduling app', level: 1 }).waitFor();
    check(page.url().endsWith(`#/cases/${caseId}`), `went to the surviving case: ${page.url()}`);
    await page.locator('ol.timeline > li').filter({ hasText: `Case ${secondCaseId.slice(0, 8)} was merged into this one (1 report` }).waitFor();
    await page.getByRole('link', { name: `Report ${second.slice(0, 8)}` }).waitFor();

    // A narrow screen: no sideways scrolling of the case.
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) console.log(await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 12).map((e) => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('\n')));
    check(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow} px)`);
    await screenshot(page, artifacts, '08-case-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });

    await nav.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'Acme scheduling app' }).waitFor();
    check(await page.getByRole('link', { name: 'Acme flags slow couriers' }).count() === 0, 'the merged case is off the board');
    await checkAccessibility(page, 'case board');
    await screenshot(page, artifacts, '09-board');

    // Aggregation: the group of the two reports naming Acme.
    await nav.getByRole('link', { name: 'Aggregation' }).click();
    await page.getByRole('heading', { name: 'Aggregation', level: 1 }).waitFor();
    const group = page.getByRole('link', { name: '2 reports about the same organization' });
    await group.waitFor();
    check(await group.count() === 1, 'one group of two reports');
    await page.getByRole('row').filter({ hasText: pillar.label }).first().waitFor();
    await checkAccessibility(page, 'aggregation');
    await screenshot(page, artifacts, '10-aggregation');
    await group.click();
    await page.getByRole('heading', { name: 'Reports naming the same organization', level: 1 }).waitFor();
    for (const id of [first, second]) await page.getByRole('link', { name: `Report ${id.slice(0, 8)}` }).waitFor();
    check(await page.getByRole('link', { name: `Report ${third.slice(0, 8)}` }).count() === 0, 'the third report is not in the group');
    await checkAccessibility(page, 'aggregation group');
    await screenshot(page, artifacts, '11-aggregation-group');

    // The data, through the API.
    const kept = (await api(base, 'GET', `/api/v1/cases/${caseId}`, undefined, token)).json;
    const reportIds = kept.reports.map((report) => report.id).sort();
    check(JSON.stringify(reportIds) === JSON.stringify([first, second].sort()), `reports of the case: ${reportIds}`);
    check(kept.pillars.includes(pillar.value), `pillars of the case: ${kept.pillars}`);
    check(kept.action_ids.includes(actionId), `actions of the case: ${kept.action_ids}`);
    check(kept.legal_hold === true && kept.closed_day === null, `the case stays held and open: ${kept.legal_hold} ${kept.closed_day}`);
    check(kept.title === 'Acme scheduling app' && kept.summary.includes('flags them') && kept.status === 'open',
          `the saved edit: ${kept.title} / ${kept.summary}`);
    const merged = (await api(base, 'GET', `/api/v1/cases/${secondCaseId}`, undefined, token)).json;
    check(merged.status === 'merged' && merged.merged_into === caseId, `second case merged: ${merged.status} ${merged.merged_into}`);
    const notes = (await api(base, 'GET', `/api/v1/cases/${caseId}/notes`, undefined, token)).json.notes;
    check(notes.length === 1 && notes[0].body === 'Talk to the union rep first.', `notes: ${JSON.stringify(notes.map((n) => n.body))}`);
    const action = (await api(base, 'GET', `/api/v1/actions/${actionId}`, undefined, token)).json;
    check(action.kind === 'legal_action' && action.subtype === 'lawsuit' && action.region === 'europe' && action.case_ids.includes(caseId),
          `the action: ${JSON.stringify(action)}`);
    const bundles = (await api(base, 'GET', '/api/v1/bundles', undefined, token)).json.bundles;
    check(bundles.length === 1 && bundles[0].case_id === caseId && bundles[0].organization_id === organization.json.id,
          `bundles: ${JSON.stringify(bundles)}`);

    // A reviewer of the desk sees the case and may choose the organization to
    // share with (GET /organizations is open to reviewers: names, no keys).
    const reviewer = await createAccount(base, token, { username: 'rosa-reviewer', role: 'reviewer', desks: [workDesk] });
    reviewer.lastStep = Math.floor(Date.now() / 30000) - 1;
    const reviewerPage = await openPage(browser, base);
    await signInToAdmin(reviewerPage.page, base, reviewer);
    await reviewerPage.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await reviewerPage.page.getByRole('link', { name: 'Acme scheduling app' }).click();
    await reviewerPage.page.getByRole('heading', { name: 'Acme scheduling app', level: 1 }).waitFor();
    await reviewerPage.page.getByRole('button', { name: 'Prepare a bundle' }).click();
    await reviewerPage.page.getByRole('option', { name: 'Couriers Union' }).waitFor({ state: 'attached' });
    await checkAccessibility(reviewerPage.page, 'case as a reviewer, bundle form');
    await screenshot(reviewerPage.page, artifacts, '12-reviewer-bundle-form');
    checkClean(reviewerPage, 'admin cases (reviewer)');

    checkClean(tracked, 'admin cases');
    console.log(`admin_cases: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close();
    await service.stop();
  }
}

main().catch((error) => {
  console.error(`admin_cases: FAILED: ${error.stack || error}`);
  process.exit(1);
});
