// Opens a WebSocket from a real (headless Chromium) page, sends 'hello' and prints
//   OK <frames as JSON>   when 'Echo: hello' arrives,
//   ERROR                 when the browser reports a failed connection (e.g. HTTP 403),
//   TIMEOUT <frames>      otherwise.
// Usage: node ws-echo.mjs ws://127.0.0.1:PORT/ws
import { chromium } from 'playwright-core';

const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const result = await page.evaluate((wsUrl) => new Promise((resolve) => {
    const seen = [];
    const ws = new WebSocket(wsUrl);
    const timer = setTimeout(() => resolve('TIMEOUT ' + JSON.stringify(seen)), 10000);
    ws.onopen = () => ws.send('hello');
    ws.onmessage = (e) => {
      seen.push(e.data);
      if (e.data === 'Echo: hello') {
        clearTimeout(timer);
        ws.close();
        resolve('OK ' + JSON.stringify(seen));
      }
    };
    ws.onerror = () => { clearTimeout(timer); resolve('ERROR'); };
  }), url);
  console.log(result);
} finally {
  await browser.close();
}
