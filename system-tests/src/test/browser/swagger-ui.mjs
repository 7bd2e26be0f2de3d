// The gateway's Swagger UI in a real headless Chromium, as a person uses it (#15): the "Authorize" dialog offers ONE
// bearer box; a token pasted there, then "Try it out" on getCompliance, answers 200.
// Run by SwaggerUiBrowserTest: node swagger-ui.mjs TOOLS_DIR GATEWAY_URL TOKEN REGION_CODE. Its last line is what it
// saw, as JSON: {"authorizeBoxes":n,"status":n,"authorization":bool,"shownStatus":"…"}, with "error" when a step failed.
import { createRequire } from 'node:module';
import path from 'node:path';

const [tools, gateway, token, regionCode] = process.argv.slice(2);
const { chromium } = createRequire(path.join(tools, 'package.json'))('playwright-core');

const seen = {};
const browser = await chromium.launch({
  executablePath: process.env.LUOSHI_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(new URL('/q/swagger-ui/', gateway).toString());
  await page.locator('.auth-wrapper button.authorize').click();

  // one box per security scheme, each an .auth-container with its own input and Authorize button
  const dialog = page.locator('.dialog-ux .modal-ux');
  const boxes = dialog.locator('.auth-container');
  await boxes.first().waitFor();
  seen.authorizeBoxes = await boxes.count();
  await boxes.first().locator('input').first().fill(token);
  await boxes.first().locator('button.authorize').click();
  await dialog.locator('button.btn-done').first().click();

  // the operation getCompliance, whatever its tag: Swagger UI's id is operations-<tag>-<operationId>
  const operation = page.locator('.opblock[id$="-getCompliance"]');
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('tr[data-param-name="regionCode"] input').fill(regionCode);
  const [response] = await Promise.all([
    page.waitForResponse(r => r.url().includes('/api/v1/compliance/' + regionCode)),
    operation.locator('button.execute').click(),
  ]);
  seen.status = response.status();
  seen.authorization = (await response.request().allHeaders())['authorization'] === 'Bearer ' + token;
  const shown = operation.locator('.live-responses-table .response .response-col_status').first();
  await shown.waitFor();
  seen.shownStatus = (await shown.innerText()).trim();
} catch (e) {
  seen.error = String(e && e.message || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
