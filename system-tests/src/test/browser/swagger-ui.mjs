// The gateway's Swagger UI in a real headless Chromium, as a person uses it (#15, #24): the page opened at
// GATEWAY_URL (http://127.0.0.1:<port>, not localhost: the document's server is relative); the "Authorize" dialog
// offers ONE bearer box; a token pasted there survives a reload of the page; "Try it out" fills in none of the fields a
// person must choose (asOf, Cache-Control, Idempotency-Key); on getCompliance it answers 200.
// Run by SwaggerUiBrowserTest: node swagger-ui.mjs TOOLS_DIR GATEWAY_URL TOKEN REGION_CODE. Its last line is what it
// saw, as JSON: {"page":"…","authorizeBoxes":n,"preFilled":{"asOf":"…",…},"status":n,"url":"…","authorization":bool,
// "shownStatus":"…"}, with "error" when a step failed.
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
  seen.page = page.url();
  await page.locator('.auth-wrapper button.authorize').click();

  // one box per security scheme, each an .auth-container with its own input and Authorize button
  const dialog = page.locator('.dialog-ux .modal-ux');
  const boxes = dialog.locator('.auth-container');
  await boxes.first().waitFor();
  seen.authorizeBoxes = await boxes.count();
  await boxes.first().locator('input').first().fill(token);
  await boxes.first().locator('button.authorize').click();
  await dialog.locator('button.btn-done').first().click();

  // the token is kept (persistAuthorization): after a reload, nobody pastes it again
  await page.reload();

  // what "Try it out" fills in by itself: none of these may have a value
  seen.preFilled = {};
  const tryOut = async operationId => {
    // Swagger UI's id of an operation is operations-<tag>-<operationId>, whatever its tag
    const operation = page.locator(`.opblock[id$="-${operationId}"]`);
    await operation.locator('.opblock-summary').first().click();
    await operation.locator('button.try-out__btn').click();
    return operation;
  };
  const valueOf = async (operation, name) => {
    const input = operation.locator(`tr[data-param-name="${name}"] input`).first();
    await input.waitFor();
    return await input.inputValue();
  };
  const create = await tryOut('createFunding');
  seen.preFilled['Idempotency-Key'] = await valueOf(create, 'Idempotency-Key');

  const operation = await tryOut('getCompliance');
  seen.preFilled.asOf = await valueOf(operation, 'asOf');
  seen.preFilled['Cache-Control'] = await valueOf(operation, 'Cache-Control');
  await operation.locator('tr[data-param-name="regionCode"] input').fill(regionCode);
  const [response] = await Promise.all([
    page.waitForResponse(r => r.url().includes('/api/v1/compliance/' + regionCode)),
    operation.locator('button.execute').click(),
  ]);
  seen.status = response.status();
  seen.url = response.url();
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
