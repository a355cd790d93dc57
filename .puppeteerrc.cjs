// Use the system Chromium when there is one (Debian: apt-get install chromium), so
// `npm ci` works without internet; otherwise let puppeteer download its own browser.
const { existsSync } = require('node:fs');

const candidates = [
  process.env.PUPPETEER_EXECUTABLE_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter(Boolean);

const systemBrowser = candidates.find((path) => existsSync(path));

module.exports = systemBrowser ? { skipDownload: true } : {};
