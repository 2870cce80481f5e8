// A report made from an article whose headline and sentences carry markup (run_browser_check.sh
// writes it): in Debian's headless Chromium, offline, the markup is text on the page and in the
// inline map, never elements; no dialog opens, no console errors, the page's own script only.
// usage: node check_escaping.mjs INDEX.html
import { check, finish, withChromium } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [indexPath] = process.argv.slice(2);
await withChromium({ offline: true }, async (context) => {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(pathToFileURL(path.resolve(indexPath)).href, { waitUntil: "load" });
  // Hover every mark (tooltips write text) and use the filter: nothing may run either.
  for (const box of await page.$$eval("svg.map a.mark", (as) => as.map((a) => {
    a.scrollIntoView({ block: "center" });
    const b = a.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }))) await page.mouse.move(box.x, box.y);
  const found = await page.evaluate(() => ({
    scripts: [...document.scripts].map((s) => s.id),
    imgs: document.images.length,
    handlers: [...document.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`)),
    headline: [...document.querySelectorAll("article.source h3")].map((h) => h.textContent),
    sentences: [...document.querySelectorAll("#events blockquote")].map((b) => b.textContent),
    mapText: [...document.querySelectorAll("svg.map title, svg.map text")]
      .map((t) => t.textContent).join("\n"),
    maps: document.querySelectorAll("svg.map").length,
    tip: [...document.querySelectorAll("svg.map a.mark")].map((a) => a.getAttribute("data-tip")),
  }));
  check(found.scripts.length === 1 && found.scripts[0] === "sitmap-report-script",
        `scripts: ${found.scripts}`);
  check(found.imgs === 0, `${found.imgs} <img> elements`);
  check(found.handlers.length === 0, `event handler attributes: ${found.handlers}`);
  check(found.headline.some((h) => h.includes('<script>alert("headline")</script>') &&
                                   h.includes("<img src=x onerror=alert(1)>")),
        `headline not shown as text: ${found.headline}`);
  check(found.sentences.some((s) => s.includes('<script>alert("sentence")</script>')),
        `sentence not shown as text: ${found.sentences}`);
  check(found.maps > 0 && found.mapText.includes('<script>alert("headline")</script>'),
        "the inline map does not show the headline as text");
  check(found.tip.length > 0 && found.tip.every((t) => t && t.length > 0), `tooltips ${found.tip}`);
  check(errors.length === 0, `errors: ${errors.join(" | ")}`);
  console.log(`headline: ${found.headline[0]}`);
});
finish("all escaping checks passed");
