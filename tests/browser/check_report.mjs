// Loads sitmap's report page from disk in Debian's headless Chromium and checks what a reader
// gets: no console errors, every map drawn (inline SVG), one table row per event, print layout
// sane.
// usage: node check_report.mjs INDEX.html EVENTS.geojson SCREENSHOT.png
import { check, finish, withChromium } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [indexPath, eventsPath, screenshotPath] = process.argv.slice(2);

// The events (the GeoJSON may also hold the directions of fire, as line features of their own).
const expectedEvents = JSON.parse(fs.readFileSync(eventsPath, "utf8")).features
  .filter((f) => !f.properties.feature); // not the directions of fire, not the events' extents
await withChromium({ offline: false }, async (context) => {
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

  // The maps, inline: each laid out at the page's width with its shapes and labels.
  const maps = await page.$$eval("figure svg.map", (svgs) => svgs.map((s) => ({
    id: s.id, w: s.getBoundingClientRect().width, h: s.getBoundingClientRect().height,
    shapes: s.querySelectorAll("path, use").length, labels: s.querySelectorAll("text").length })));
  console.log(`maps: ${maps.length}`, maps.map((m) => `${m.id} (${Math.round(m.w)}x${Math.round(m.h)})`).join("; "));
  check(maps.length > 0, "no inline map");
  for (const m of maps) {
    check(m.w > 300 && m.h > 150, `map ${m.id} laid out at ${m.w}x${m.h}`);
    check(m.shapes > 10 && m.labels > 5, `map ${m.id}: ${m.shapes} shapes, ${m.labels} labels`);
  }
  check(await page.$$eval("img", (i) => i.length) === 0, "the page still holds <img> maps");

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
  // Escaping: no markup from the data leaks into the page as elements; the one script is the
  // page's own.
  const scripts = await page.$$eval("script", (s) => s.map((e) => e.id || e.src || "?"));
  check(scripts.length === 1 && scripts[0] === "sitmap-report-script",
        `the page holds <script> elements ${scripts.join(", ")}`);

  await page.screenshot({ path: screenshotPath, fullPage: true });
  // Closer views to look at: the first screen and the events table.
  await page.screenshot({ path: screenshotPath.replace(/\.png$/, "-top.png") });
  await page.locator("#events").screenshot({ path: screenshotPath.replace(/\.png$/, "-table.png") });
  // Printed, the page must still show the table and the maps.
  await page.emulateMedia({ media: "print" });
  const printed = await page.$$eval("#events tbody tr", (trs) =>
    trs.filter((tr) => tr.getBoundingClientRect().height > 0).length);
  check(printed === rows.length, `printed page shows ${printed} of ${rows.length} rows`);
  const printedMaps = await page.$$eval("figure svg.map",
                                        (s) => s.filter((e) => e.getBoundingClientRect().height > 0).length);
  check(printedMaps === maps.length, `printed page shows ${printedMaps} of ${maps.length} maps`);
  const pdfPath = screenshotPath.replace(/\.png$/, ".pdf");
  await page.pdf({ path: pdfPath, format: "A4" });
});
finish("all browser checks passed");
