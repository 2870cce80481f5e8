// Uses sitmap's report page as a reader does, in Debian's headless Chromium with the network off:
// the maps are inline SVG whose ids do not collide; clicking a mark inside the page makes its row
// the :target, highlighted and in view; the row's link back lights up the mark; hovering a mark
// shows its claims by side; the date filter hides the rows and marks outside the range and says
// how many are shown. No console errors, nothing loaded but the page itself.
// usage: node interact_report.mjs INDEX.html EVENTS.geojson SCREENSHOT_PREFIX
import { check, finish, withChromium } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [indexPath, eventsPath, shotPrefix] = process.argv.slice(2);

// The events and their dates, as the GeoJSON states them (directions of fire are not events).
const events = JSON.parse(fs.readFileSync(eventsPath, "utf8")).features
  .filter((f) => !f.properties.feature) // not the directions of fire, not the extents
  .map((f) => ({ id: f.properties.id, begin: f.properties.date_begin || "",
                 end: f.properties.date_end || f.properties.date_begin || "" }));
const indexUrl = pathToFileURL(path.resolve(indexPath)).href;

await withChromium({ offline: true }, async (context) => {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on("request", (r) => requests.push(r.url()));
  // Anything but the page itself would need the network: refused, and reported below.
  await page.route((u) => !u.href.startsWith(indexUrl.split("#")[0]), (route) => route.abort());
  await page.goto(indexUrl, { waitUntil: "load" });

  // Structure: inline maps, one script (the page's own), ids unique across the maps, every
  // reference inside a map resolved within that map.
  const structure = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    const maps = [...document.querySelectorAll("svg.map")];
    const unresolved = [];
    for (const svg of maps) {
      for (const el of svg.querySelectorAll("*")) {
        for (const attr of el.attributes) {
          const refs = [...attr.value.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
          if ((attr.name === "href" || attr.name === "xlink:href") && attr.value.startsWith("#") &&
              !attr.value.startsWith("#event-")) refs.push(attr.value.slice(1));
          for (const r of refs) {
            const t = document.getElementById(r);
            if (!t || !svg.contains(t)) unresolved.push(`${svg.id}: ${attr.name}=${attr.value}`);
          }
        }
      }
    }
    const handlers = [...document.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`));
    return {
      dup, unresolved, handlers,
      maps: maps.map((s) => ({ id: s.id, w: s.getBoundingClientRect().width,
                               marks: s.querySelectorAll("a.mark").length })),
      scripts: [...document.scripts].map((s) => s.id + (s.src ? ` src=${s.src}` : "")),
      imgs: document.images.length,
      rows: document.querySelectorAll("#events tbody tr").length,
    };
  });
  console.log(`maps: ${structure.maps.map((m) => `${m.id} (${m.marks} marks)`).join(", ")}`);
  check(structure.maps.length > 1, `${structure.maps.length} inline maps`);
  for (const m of structure.maps) check(m.w > 300, `${m.id} is ${m.w} px wide`);
  check(structure.dup.length === 0, `duplicate ids: ${[...new Set(structure.dup)].slice(0, 8)}`);
  check(structure.unresolved.length === 0,
        `references to nothing: ${structure.unresolved.slice(0, 8).join("; ")}`);
  check(structure.handlers.length === 0, `event handler attributes: ${structure.handlers}`);
  check(structure.scripts.length === 1 && structure.scripts[0] === "sitmap-report-script",
        `scripts: ${structure.scripts.join(", ")}`);
  check(structure.imgs === 0, `${structure.imgs} <img> left`);
  check(structure.rows === events.length, `${structure.rows} rows, ${events.length} events`);

  // Every mark: a row to go to, the dates of its event.
  const marks = await page.$$eval("svg.map a.mark", (as) => as.map((a) => ({
    href: a.getAttribute("href"), event: a.getAttribute("data-event"),
    begin: a.getAttribute("data-begin"), end: a.getAttribute("data-end") })));
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const m of marks) {
    check(m.href === `#event-${m.event}`, `mark of ${m.event} links to ${m.href}`);
    const e = byId.get(m.event);
    check(e !== undefined, `mark of ${m.event}: no such event`);
    if (e) check(m.begin === e.begin && m.end === e.end,
                 `mark of ${m.event}: dates ${m.begin}..${m.end}, the event's ${e.begin}..${e.end}`);
  }

  // Click a mark of the overview (one on top at its centre) -> its row.
  const target = await page.evaluate(() => {
    for (const a of document.querySelectorAll("svg.map a.mark")) {
      a.scrollIntoView({ block: "center" });
      const shape = a.querySelector("use") || a.querySelector("path");
      const b = shape.getBoundingClientRect();
      const x = b.x + b.width / 2, y = b.y + b.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (hit && a.contains(hit) && shape.tagName === "use") {
        return { event: a.getAttribute("data-event"), x, y, map: a.closest("svg").id };
      }
    }
    return null;
  });
  check(target !== null, "no mark on top to click");
  if (target) {
    // Let the scroll events of scrollIntoView pass (they hide a tooltip) before hovering.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.mouse.move(target.x, target.y);
    const tip = await page.evaluate(() => {
      const t = document.getElementById("map-tip");
      return { hidden: t.hidden, text: t.textContent,
               visible: t.getBoundingClientRect().width > 0 };
    });
    const summary = await page.$eval(`[id="event-${target.event}"] .sides-summary`,
                                     (p) => p.textContent).catch(() => "");
    console.log(`hover ${target.event}: "${tip.text}"`);
    check(!tip.hidden && tip.visible, `hovering ${target.event} shows no tooltip`);
    check(summary === "" || tip.text.includes(summary.replace(/\.$/, "")),
          `tooltip "${tip.text}" lacks the row's summary "${summary}"`);
    await page.screenshot({ path: `${shotPrefix}-hover.png` });

    await page.mouse.click(target.x, target.y);
    await page.waitForFunction((id) => location.hash === `#event-${id}`, target.event);
    const row = await page.evaluate(() => {
      const tr = document.querySelector("tr:target");
      if (!tr) return null;
      const b = tr.getBoundingClientRect();
      const style = getComputedStyle(tr);
      // Its first line is seen, not under the filter bar.
      const hit = document.elementFromPoint(b.left + 20, Math.max(b.top, 0) + 12);
      return { id: tr.dataset.eventId, top: b.top, bottom: b.bottom, height: innerHeight,
               seen: hit !== null && tr.contains(hit),
               outline: style.outlineStyle, background: style.backgroundColor };
    });
    check(row !== null, `clicking the mark of ${target.event} made no row the target`);
    if (row) {
      check(row.id === target.event, `clicked ${target.event}, target row ${row.id}`);
      check(row.bottom > 0 && row.top < row.height, `row of ${row.id} not in view (${row.top})`);
      check(row.seen, `the top of the row of ${row.id} is covered (at ${row.top})`);
      check(row.outline !== "none" && row.background !== "rgba(0, 0, 0, 0)",
            `row of ${row.id} not highlighted (outline ${row.outline}, ${row.background})`);
      console.log(`clicked the mark of ${target.event} -> its row, in view and highlighted`);
    }
    await page.screenshot({ path: `${shotPrefix}-row.png` });

    // The row's link back to the map -> the mark is the target, lit, in view.
    const link = page.locator(`[id="event-${target.event}"] .on-map a`).first();
    const href = await link.getAttribute("href");
    await link.click();
    await page.waitForFunction((h) => location.hash === h, href);
    const mark = await page.evaluate(() => {
      const lit = [...document.querySelectorAll("svg.map a.mark.hl")];
      const t = document.querySelector("svg.map a.mark:target");
      const rings = t ? t.closest("svg").querySelectorAll(".mark-ring").length : 0;
      const b = t ? t.getBoundingClientRect() : null;
      // The mark itself is seen at its centre, not covered by the filter bar.
      const hit = b ? document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2) : null;
      return { lit: lit.map((a) => a.getAttribute("data-event")), target: t && t.id,
               event: t && t.getAttribute("data-event"),
               filter: t ? getComputedStyle(t).filter : "none",
               inView: b !== null && b.bottom > 0 && b.top < innerHeight,
               seen: hit !== null && t.contains(hit), rings };
    });
    console.log(`row link ${href} -> mark ${mark.target}, lit: ${mark.lit.length}`);
    check(mark.event === target.event, `the row's link made ${mark.event} the target mark`);
    check(mark.lit.length > 0 && mark.lit.every((e) => e === target.event),
          `lit marks after the row's link: ${mark.lit}`);
    check(mark.filter !== "none", "the target mark is not highlighted");
    check(mark.rings > 0, "no ring drawn around the target mark");
    check(mark.inView, "the target mark is not in view");
    check(mark.seen, "the target mark is covered at its centre");
    await page.screenshot({ path: `${shotPrefix}-mark.png` });
  }

  // The date filter: a range that keeps some events and drops others; rows and marks follow.
  const dated = events.filter((e) => e.begin).map((e) => e.begin).sort();
  const from = dated[Math.floor(dated.length / 2)];
  const to = dated[dated.length - 1];
  const inRange = (e) => !e.begin || (e.end >= from && e.begin <= to);
  const expected = events.filter(inRange).length;
  check(expected > 0 && expected < events.length,
        `filter ${from}..${to} keeps ${expected} of ${events.length}: not a meaningful test`);
  await page.evaluate(() => window.scrollTo(0, 0));
  const hasFilter = await page.isVisible("#date-from");
  check(hasFilter, "no visible date filter");
  if (hasFilter) {
  await page.fill("#date-from", from);
  await page.fill("#date-to", to);
  const filtered = await page.evaluate(() => ({
    rows: [...document.querySelectorAll("#events tbody tr")]
      .filter((tr) => tr.getBoundingClientRect().height > 0).map((tr) => tr.dataset.eventId),
    marks: [...document.querySelectorAll("svg.map a.mark, svg.map .mark-part")].map((a) => ({
      event: a.getAttribute("data-event"), shown: a.getBoundingClientRect().width > 0 })),
    count: document.getElementById("filter-count").textContent,
  }));
  console.log(`filter ${from}..${to}: ${filtered.rows.length} rows shown; "${filtered.count}"`);
  check(filtered.rows.length === expected,
        `filter ${from}..${to}: ${filtered.rows.length} rows shown, expected ${expected}`);
  for (const id of filtered.rows) check(inRange(byId.get(id)), `row ${id} shown outside the range`);
  let hiddenMarks = 0;
  for (const m of filtered.marks) {
    const keep = inRange(byId.get(m.event));
    check(m.shown === keep, `mark of ${m.event} ${m.shown ? "shown" : "hidden"} by ${from}..${to}`);
    hiddenMarks += keep ? 0 : 1;
  }
  check(hiddenMarks > 0, "the filter hid no mark: not a meaningful test");
  check(filtered.count.includes(`Showing ${expected} of ${events.length} events`),
        `count says "${filtered.count}"`);
  await page.screenshot({ path: `${shotPrefix}-filter.png` });
  await page.click("#filter-clear");
  const all = await page.$$eval("#events tbody tr",
                                (trs) => trs.filter((tr) => !tr.hidden).length);
  check(all === events.length, `after "All dates": ${all} rows shown`);
  }

  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  const others = requests.filter((u) => !u.startsWith(indexUrl.split("#")[0]) &&
                                        !u.startsWith("data:"));
  check(others.length === 0, `the page asked for ${others.join(", ")}`);
});
finish("all interaction checks passed");
