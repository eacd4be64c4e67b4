// Drives the browser pages of the web module in headless Chromium (playwright-core) and prints
// one line: "OK <json>" when the scenario did what it must, else "FAIL <reason> <json>".
// Usage: node pages.mjs <scenario> <page url> <screenshot directory>
//   terminal-echo   type hello, see "Echo: hello"; paste; copy (Ctrl-Shift-C); resize the viewport, "info" shows the new size
//   terminal-login  Username: demo; a wrong and then the right password, never on the screen
//   terminal-restart  prints "STOPPED?" once connected and waits for a line on stdin after the
//                   caller stopped the server, then "RESTARTED?" and waits again; then it must
//                   reconnect by itself and echo
//   line-login      the line page: echo, and the input box masked during the password prompt
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

const [scenario, url, shots] = process.argv.slice(2);
const stdin = createInterface({ input: process.stdin });
const lines = stdin[Symbol.asyncIterator]();
const nextLine = async () => (await lines.next()).value;
const facts = {};

class Failure extends Error {}
const check = (condition, reason) => { if (!condition) throw new Failure(reason); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
await context.grantPermissions(['clipboard-read', 'clipboard-write']);
const page = await context.newPage();
page.setDefaultTimeout(15000);

// Everything the terminal shows, one string per row, trailing blanks trimmed.
const screen = () => page.evaluate(() => {
  const buffer = window.term.buffer.active;
  const rows = [];
  for (let i = 0; i < buffer.length; i++) rows.push(buffer.getLine(i).translateToString(true));
  return rows;
});
const until = async (what, predicate) => {
  const deadline = Date.now() + 15000;
  for (;;) {
    const rows = await screen();
    if (predicate(rows)) return rows;
    if (Date.now() > deadline) throw new Failure('timed out waiting for ' + what + ': ' + JSON.stringify(rows.filter(r => r)));
    await page.waitForTimeout(50); // polling the page's state, bounded by the deadline above
  }
};
const shows = (text) => until(JSON.stringify(text), rows => rows.join('\n').includes(text));
const state = () => page.evaluate(() => document.body.dataset.state);
const awaitState = (wanted) => page.waitForFunction((s) => document.body.dataset.state === s, wanted);
const type = async (text) => { await page.keyboard.type(text); await page.keyboard.press('Enter'); };

try {
  await page.goto(url);
  if (scenario.startsWith('terminal')) {
    await awaitState('connected');
    facts.status = await page.textContent('#status');
    await page.click('#terminal');
  }
  switch (scenario) {
    case 'terminal-echo': {
      await shows('> ');
      await type('hello');
      await shows('Echo: hello');
      // A paste (Ctrl-Shift-V, the context menu) reaches the server as typed text, UTF-8 included.
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.setData('text/plain', 'pasted \u00fc');
        document.querySelector('#terminal textarea').dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await page.keyboard.press('Enter');
      await shows('Echo: pasted \u00fc');
      await page.evaluate(() => window.term.selectAll());
      await page.keyboard.press('Control+Shift+C');
      await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('Echo: pasted \u00fc'));
      await page.setViewportSize({ width: 800, height: 420 });
      await page.waitForFunction(() => window.term.cols < 90);
      facts.size = await page.evaluate(() => window.term.cols + 'x' + window.term.rows);
      await type('info');
      const rows = await shows('Window size: ' + facts.size);
      facts.terminalType = rows.find(r => r.includes('xterm-256color')) || null;
      check(facts.terminalType, 'info does not show the terminal type xterm-256color');
      await page.screenshot({ path: shots + '/terminal-echo.png' });
      break;
    }
    case 'terminal-login': {
      await shows('Username: ');
      await type('demo');
      await shows('Password: ');
      await type('wrongpass123');
      await shows('Login incorrect.');
      await until('the second Username prompt', rows => rows.filter(r => r.startsWith('Username:')).length === 2);
      await type('demo');
      await until('the second Password prompt', rows => rows.filter(r => r.startsWith('Password:')).length === 2);
      await type('demo');
      const rows = await shows('Login successful. Welcome, demo!');
      facts.rows = rows.filter(r => r);
      check(rows.includes('Username: demo'), 'no "Username: demo" row');
      check(!rows.join('\n').includes('wrongpass123'), 'the typed password is on the screen');
      check(rows.filter(r => r.startsWith('Password:')).every(r => r.trim() === 'Password:'), 'a Password row shows input');
      await page.screenshot({ path: shots + '/terminal-login.png' });
      break;
    }
    case 'terminal-restart': {
      await shows('> ');
      console.log('STOPPED?');
      await nextLine();
      await awaitState('disconnected');
      facts.disconnected = await page.textContent('#status');
      check(/Reconnecting in \d+ s/.test(facts.disconnected), 'status: ' + facts.disconnected);
      await page.screenshot({ path: shots + '/terminal-disconnected.png' });
      console.log('RESTARTED?');
      await nextLine();
      await page.waitForFunction(() => document.body.dataset.state === 'connected', null, { timeout: 40000 });
      await until('a second prompt', rows => rows.filter(r => r.startsWith('> ')).length >= 2 || rows.filter(r => r === '>').length >= 2);
      await type('again');
      await shows('Echo: again');
      await page.screenshot({ path: shots + '/terminal-reconnected.png' });
      break;
    }
    case 'line-login': {
      await awaitState('connected');
      const log = () => page.textContent('#log');
      await page.waitForFunction(() => document.getElementById('log').textContent.includes('Username:'));
      check(await page.getAttribute('#input', 'type') === 'text', 'input box masked before the password prompt');
      await page.fill('#input', 'demo');
      await page.press('#input', 'Enter');
      await page.waitForFunction(() => document.getElementById('input').type === 'password');
      facts.masked = true;
      await page.fill('#input', 'demo');
      await page.screenshot({ path: shots + '/line-password.png' });
      await page.press('#input', 'Enter');
      await page.waitForFunction(() => document.getElementById('log').textContent.includes('Login successful'));
      await page.waitForFunction(() => document.getElementById('input').type === 'text');
      await page.fill('#input', 'hello');
      await page.press('#input', 'Enter');
      await page.waitForFunction(() => document.getElementById('log').textContent.includes('Echo: hello'));
      facts.log = await page.$$eval('#log div', divs => divs.map(d => d.textContent));
      check(!(await log()).includes('\u0000'), 'a hint frame is shown');
      check(facts.log.filter(l => l === 'demo').length === 1, 'the password is in the log: ' + JSON.stringify(facts.log));
      await page.screenshot({ path: shots + '/line-page.png' });
      break;
    }
    default:
      throw new Failure('unknown scenario ' + scenario);
  }
  console.log('OK ' + JSON.stringify(facts));
} catch (e) {
  console.log('FAIL ' + (e instanceof Failure ? e.message : e.stack) + ' ' + JSON.stringify(facts));
} finally {
  await browser.close();
  stdin.close();
}
