// What every browser check shares: Debian's headless Chromium in a throw-away profile, and a list
// of failed checks that decides the exit status.
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const failures = [];

export function check(ok, message) {
  if (!ok) {
    failures.push(message);
    console.log("FAIL:", message);
  }
}

// Runs body(context) in a fresh Chromium profile (offline: the network is off), then closes
// the browser and removes the profile whatever happened.
export async function withChromium({ offline = false } = {}, body) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sitmap-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    offline,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  try {
    await body(context);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

// Exits 1 after listing how many checks failed, else prints `passed`.
export function finish(passed) {
  if (failures.length) {
    console.log(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log(passed);
}
