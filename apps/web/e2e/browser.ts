// Debian's Chromium, launched the one way every browser script needs on these machines: headless,
// no sandbox (root in CI), and none of the background services whose connections this closed
// network refuses. Browsers are never downloaded.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
