// Loads sitmap's report page from disk in Debian's headless Chromium and checks what a reader
// gets: no console errors, every image decoded, one table row per event, print layout sane.
// usage: node check_report.mjs INDEX.html EVENTS.geojson SCREENSHOT.png
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [indexPath, eventsPath, screenshotPath] = process.argv.slice(2);
const failures = [];
const check = (ok, message) => {
  if (!ok) {
    failures.push(message);
    console.log("FAIL:", message);
  }
};

// The events (the GeoJSON may also hold the directions of fire, as line features of their own).
const expectedEvents = JSON.parse(fs.readFileSync(eventsPath, "utf8")).features
  .filter((f) => f.properties.feature !== "fire_line");
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sitmap-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
});
try {
  const page = await context.newPage();
  const consoleErrors = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("requestfailed", (r) => consoleErrors.push(`request failed: ${r.url()}`));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.resolve(indexPath)).href, { waitUntil: "load" });

  check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(" | ")}`);
  // Self-contained: the page loads nothing but itself and its data: URIs.
  const external = requests.filter((u) => !u.startsWith("data:") &&
                                          u !== pathToFileURL(path.resolve(indexPath)).href);
  check(external.length === 0, `page loads other resources: ${external.join(", ")}`);

  const images = await page.$$eval("img", (imgs) =>
    imgs.map((i) => ({ alt: i.alt, ok: i.complete && i.naturalWidth > 0, w: i.naturalWidth })));
  console.log(`images: ${images.length}`, images.map((i) => `${i.alt} (${i.w}px)`).join("; "));
  for (const img of images) check(img.ok, `image not loaded: ${img.alt}`);

  const rows = await page.$$eval("#events tbody tr", (trs) =>
    trs.map((tr) => ({ id: tr.dataset.eventId, cells: [...tr.cells].map((c) => c.innerText) })));
  console.log(`table rows: ${rows.length}, events in GeoJSON: ${expectedEvents.length}`);
  check(rows.length === expectedEvents.length,
        `table has ${rows.length} rows, events.geojson ${expectedEvents.length} features`);
  const ids = new Set(rows.map((r) => r.id));
  for (const f of expectedEvents) {
    check(ids.has(f.properties.id), `event ${f.properties.id} missing from the table`);
  }
  const headers = await page.$$eval("#events thead th", (ths) => ths.map((t) => t.innerText));
  check(headers.length === 5 && /date/i.test(headers[0]) && /place/i.test(headers[1]) &&
        /kind/i.test(headers[2]) && /claim/i.test(headers[3]) && /source/i.test(headers[4]),
        `table headers ${headers}`);
  for (const r of rows) {
    check(/\d{4}-\d{2}/.test(r.cells[0]) || /unknown/.test(r.cells[0]), `row ${r.id}: date ${r.cells[0]}`);
    check(r.cells[1].trim().length > 0, `row ${r.id}: no place`);
  }
  // Escaping: no markup from the data leaks into the page as elements.
  const scripts = await page.$$eval("script", (s) => s.length);
  check(scripts === 0, `the page holds ${scripts} <script> elements`);

  await page.screenshot({ path: screenshotPath, fullPage: true });
  // Closer views to look at: the first screen and the events table.
  await page.screenshot({ path: screenshotPath.replace(/\.png$/, "-top.png") });
  await page.locator("#events").screenshot({ path: screenshotPath.replace(/\.png$/, "-table.png") });
  // Printed, the page must still show the table and the maps.
  await page.emulateMedia({ media: "print" });
  const printed = await page.$$eval("#events tbody tr", (trs) =>
    trs.filter((tr) => tr.getBoundingClientRect().height > 0).length);
  check(printed === rows.length, `printed page shows ${printed} of ${rows.length} rows`);
  const pdfPath = screenshotPath.replace(/\.png$/, ".pdf");
  await page.pdf({ path: pdfPath, format: "A4" });
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("all browser checks passed");
