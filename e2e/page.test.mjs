// End-to-end test of the page served by `copydesk serve`, in Debian's headless Chromium driven by
// playwright-core: paste a fixture article, see underlined findings and their messages, apply a
// fix, see the finding go; take a screenshot for docs/. Run by e2e/run.sh.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";

const base = process.env.COPYDESK_URL;
const article = readFileSync(new URL("../fixtures/glitched/002_lisbon_election.txt", import.meta.url), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base + "/");
  await page.fill("#text", article);
  await page.waitForSelector('mark[data-rule="spacing/repeated-word"]');
  const marks = await page.$$eval("mark", (ms) => ms.map((m) => [m.dataset.rule, m.textContent, m.getAttribute("aria-label")]));
  const rules = marks.map((m) => m[0]);
  for (const r of ["pronoun/resumptive", "quotes/dash-quotation", "time/zone-conversion", "spacing/repeated-word", "residue/metadata-line"]) {
    assert.ok(rules.includes(r), `expected an underline for ${r}: ${rules}`);
  }
  const zone = marks.find((m) => m[0] === "time/zone-conversion");
  assert.equal(zone[1], "23:00 local time (22:00 GMT)");
  assert.match(zone[2], /is 23:00 GMT, not 22:00/);
  const status = await page.textContent("#status");
  assert.match(status, /\d+ findings/);
  await page.screenshot({ path: new URL("../docs/page.png", import.meta.url).pathname, fullPage: false });
  // Apply the repeated-word fix from the list and see the finding go.
  const before = marks.length;
  await page.click('#findings li:has(.rule:text("spacing/repeated-word")) button[data-fix]');
  await page.waitForFunction((n) => document.querySelectorAll("mark").length < n, before);
  const after = await page.$$eval("mark", (ms) => ms.map((m) => m.dataset.rule));
  assert.ok(!after.includes("spacing/repeated-word"), "the fixed finding is gone");
  assert.ok((await page.inputValue("#text")).includes("said the result reflected"));
  console.log(`page test: ${before} findings underlined, fix applied, ${after.length} left`);
  console.log("1 passed, 0 failed");
} finally {
  await browser.close();
}
