// Clicks the marks of the report's maps in Debian's headless Chromium, as a reader of a map does:
// every event mark of every map SVG is on top where it is drawn (nothing covers its centre) and
// links to an existing row; clicking marks opens index.html at their event's row, which is the
// :target, scrolled into view, and holds the sentences of the event's claims. With the network
// off: the pages load nothing else.
// usage: node click_marks.mjs REPORT_DIR EVENTS.geojson
import { check, finish, withChromium } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [reportDir, eventsPath] = process.argv.slice(2);
const squash = (s) => s.replace(/\s+/g, " ").trim();

// Events, and the sentences of their claims (directions of fire are not events).
const events = new Map();
for (const f of JSON.parse(fs.readFileSync(eventsPath, "utf8")).features) {
  if (f.properties.feature) continue; // a direction of fire or an event's extent
  const claims = typeof f.properties.claims === "string" ? JSON.parse(f.properties.claims)
                                                         : f.properties.claims || [];
  events.set(f.properties.id, claims.map((c) => squash(c.text || "")).filter((t) => t));
}
const svgs = fs.readdirSync(reportDir).filter((n) => n.endsWith(".svg")).sort();
check(svgs.length > 0, `no map SVG in ${reportDir}`);

let clicked = 0;
let withSentences = 0;
await withChromium({ offline: true }, async (context) => {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  const indexUrl = pathToFileURL(path.resolve(reportDir, "index.html")).href;
  const rowIds = await (async () => {
    await page.goto(indexUrl, { waitUntil: "load" });
    return page.$$eval("#events tbody tr", (trs) => trs.map((tr) => tr.id));
  })();

  for (const svg of svgs) {
    const svgUrl = pathToFileURL(path.resolve(reportDir, svg)).href;
    await page.goto(svgUrl, { waitUntil: "load" });
    // Every link of the map: its target row exists; each mark's centre hits its own link.
    const marks = await page.$$eval("a[href]", (links) => links.map((a) => {
      const href = a.getAttribute("href");
      const mark = a.querySelector("use, path");
      const box = mark.getBoundingClientRect();
      const x = box.x + box.width / 2, y = box.y + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      // Marks of several events at one place stack: another event's mark may be on top, a
      // label or the legend may not.
      const link = hit && hit.closest ? hit.closest("a[href]") : null;
      return { href, kind: mark.tagName, x, y, onTop: hit !== null && a.contains(hit),
               reachable: link !== null, event: mark.getAttribute("data-event") };
    }));
    const points = marks.filter((m) => m.kind === "use");
    console.log(`${svg}: ${points.length} event marks, ${marks.length - points.length} other links`);
    for (const m of marks) {
      check(m.href.startsWith("index.html#event-"), `${svg}: a link to ${m.href}`);
      check(rowIds.includes(m.href.slice("index.html#".length)),
            `${svg}: ${m.href} leads to no row of the report`);
    }
    for (const m of points) {
      check(m.reachable, `${svg}: the mark of ${m.href} is covered at its centre`);
    }
    // Click a mark as a reader does (the first one on top whose event has claims), then check
    // the row it opens.
    const hasSentences = (m) => (events.get(m.href.slice("index.html#event-".length)) || []).length;
    const target = points.find((m) => m.onTop && hasSentences(m)) || points.find((m) => m.onTop);
    if (!target) continue;
    await Promise.all([page.waitForURL((u) => u.href.startsWith(indexUrl)),
                       page.mouse.click(target.x, target.y)]);
    await page.waitForLoadState("load");
    const id = target.href.slice("index.html#event-".length);
    check(page.url() === `${indexUrl}#event-${id}`, `${svg}: the click opened ${page.url()}`);
    const row = await page.evaluate(() => {
      const tr = document.querySelector("tr:target");
      if (!tr) return null;
      const box = tr.getBoundingClientRect();
      return { id: tr.dataset.eventId, text: tr.innerText, top: box.top, bottom: box.bottom,
               height: window.innerHeight, background: getComputedStyle(tr).backgroundColor };
    });
    check(row !== null, `${svg}: no row is the target after clicking ${id}`);
    if (row) {
      check(row.id === id, `${svg}: clicked ${id}, the target row is ${row.id}`);
      check(row.bottom > 0 && row.top < row.height,
            `${svg}: the row of ${id} is not in view (top ${row.top}, bottom ${row.bottom})`);
      const sentences = events.get(id) || [];
      const text = squash(row.text);
      for (const s of sentences) {
        check(text.includes(s), `${svg}: the row of ${id} lacks its sentence "${s}"`);
      }
      console.log(`${svg}: clicked ${id} -> row in view, ${sentences.length} sentence(s) found`);
      ++clicked;
      withSentences += sentences.length > 0 ? 1 : 0;
    }
  }
  check(clicked > 0, "no mark could be clicked");
  check(withSentences > 0, "no clicked mark's row was checked for its sentences");
  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
});
finish(`all click checks passed (${clicked} maps clicked)`);
