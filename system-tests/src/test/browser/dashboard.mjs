// The gateway's dashboard (/, issue #28) in a real headless Chromium, as an inspector uses it: the landing page in
// zh-CN; the sign-in dialog (labelled, modal, the focus kept inside it, closed by Escape) where a token is pasted;
// REGION and YEAR chosen; the heat table's children, one of which drills down; the trend drawn on a canvas; the
// follow-up list filtered by status; the XLSX report and the CSV list downloaded; no console error, no failed request;
// axe-core's serious and critical violations, on the landing page and on the dashboard.
// Run by DashboardBrowserTest: node dashboard.mjs TOOLS_DIR GATEWAY_URL TOKEN REGION YEAR DRILL_TO SCREENSHOT. Its last
// line is what it saw, as JSON, with "error" when a step failed.
import { createRequire } from 'node:module';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const [tools, gateway, token, region, year, drillTo, screenshot] = process.argv.slice(2);
const require = createRequire(path.join(tools, 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const seen = { consoleErrors: [], failedRequests: [], axe: {} };
const browser = await chromium.launch({
  executablePath: process.env.LUOSHI_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

/** axe-core's violations of impact serious or critical on the page as it is now (injected: the page's CSP allows no inline script, and needs none). */
async function axe(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }));
}

const insideDialog = page => page.evaluate(() => document.getElementById('sign-in-dialog').contains(document.activeElement));
const loaded = (page, key) => page.waitForSelector(`body[data-loaded="${key}"]`, { timeout: 90_000 });

/** The follow-up list's rows as shown once the list for these filters is in place. */
async function listed(page, status) {
  await page.waitForSelector(`#items[data-shown^="${region}/${year}/${status}/"]`);
  return {
    count: (await page.locator('#items-count').innerText()).trim(),
    statuses: await page.$$eval('#items tbody tr[data-status]', rows => rows.map(r => r.dataset.status)),
  };
}

async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const file = await download.path();
  const bytes = await readFile(file);
  return { name: download.suggestedFilename(), size: (await stat(file)).size, head: [...bytes.subarray(0, 4)] };
}

try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', m => m.type() === 'error' && seen.consoleErrors.push(m.text()));
  page.on('pageerror', e => seen.consoleErrors.push(String(e)));
  page.on('requestfailed', r => seen.failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', r => r.status() >= 400 && seen.failedRequests.push(`${r.request().method()} ${r.url()}: ${r.status()}`));

  await page.goto(new URL('/', gateway).toString());
  seen.lang = await page.getAttribute('html', 'lang');
  seen.landing = (await page.locator('#intro').innerText()).replace(/\s+/g, ' ');
  seen.axe.landing = await axe(page);

  // the sign-in dialog: labelled, modal, the focus inside it; Escape closes it; Tab stays inside
  await page.getByRole('button', { name: '登录（粘贴令牌）' }).click();
  const dialog = page.getByRole('dialog', { name: '登录' });
  await dialog.waitFor();
  seen.dialog = { modal: await page.evaluate(() => document.getElementById('sign-in-dialog').matches(':modal')),
    focusInside: await insideDialog(page) };
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  seen.dialog.closedByEscape = true;
  seen.dialog.focusBackOnOpener = await page.evaluate(() => document.activeElement?.id);
  await page.keyboard.press('Enter');   // the focus is back on the sign-in button: the keyboard opens it again
  await dialog.waitFor();
  let trapped = true;
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    trapped = trapped && await insideDialog(page);
  }
  seen.dialog.focusTrapped = trapped;
  seen.axe.dialog = await axe(page);
  await page.getByLabel('令牌', { exact: true }).fill(token);
  await page.locator('#sign-in-submit').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForSelector('body[data-loaded]:not([data-loaded=""])', { timeout: 90_000 });

  // the region and the year
  await page.getByLabel('地区代码', { exact: true }).fill(region);
  await page.getByLabel('年度', { exact: true }).selectOption(year);
  await page.getByRole('button', { name: '查看', exact: true }).click();
  await loaded(page, `${region}/${year}`);
  seen.status = (await page.locator('#status').innerText()).trim();
  seen.score = (await page.locator('#score').innerText()).trim();
  seen.rank = (await page.locator('#rank').innerText()).trim();
  seen.rate = (await page.locator('#rate').innerText()).trim();
  seen.heat = {
    children: await page.$$eval('#heat thead button.drill', bs => bs.map(b => ({ code: b.dataset.region, name: b.textContent }))),
    rows: await page.$$eval('#heat tbody th[scope="row"]', ths => ths.map(th => th.textContent)),
    tinted: await page.$$eval('#heat tbody td', tds => tds.filter(td => td.style.backgroundColor !== '').length),
  };

  // the trend: a canvas drawn on (pixels that are not blank)
  await page.waitForSelector('#trend canvas');
  seen.trend = await page.$$eval('#trend canvas', canvases => canvases.map(c => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) {
      painted += data[i] > 0 ? 1 : 0;
    }
    return { width: c.width, height: c.height, painted };
  }));
  seen.trendLabel = await page.locator('#trend').getAttribute('aria-label');
  seen.rectifications = await page.locator('#rectifications tbody tr').count();
  await page.screenshot({ path: screenshot, fullPage: true });
  seen.axe.dashboard = await axe(page);

  // the follow-up list, as first shown (未落实和缺数据), then filtered by status
  const first = await page.locator('#filter-status').inputValue();
  seen.items = { [first]: await listed(page, first) };
  for (const status of ['NON_COMPLIANT', 'NO_DATA']) {
    await page.getByLabel('状态', { exact: true }).selectOption(status);
    seen.items[status] = await listed(page, status);
  }

  // the files: fetched with the token, saved from a Blob
  seen.xlsx = await downloaded(page, '报告 XLSX');
  seen.csv = await downloaded(page, '督办清单 CSV');

  // a child drills down: the dashboard of that child, its own children in the heat table
  await page.locator(`#heat button.drill[data-region="${drillTo}"]`).click();
  await loaded(page, `${drillTo}/${year}`);
  seen.drill = {
    region: await page.locator('#region').inputValue(),
    trail: (await page.locator('#trail').innerText()).replace(/\s+/g, ' '),
    children: await page.$$eval('#heat thead button.drill', bs => bs.map(b => b.dataset.region)),
    up: await page.locator('#up').isVisible(),
  };
} catch (e) {
  seen.error = String(e && e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
