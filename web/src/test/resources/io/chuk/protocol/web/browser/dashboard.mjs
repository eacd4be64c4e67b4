// Drives the operator dashboard in headless Chromium (playwright-core) and prints one line:
// "OK <json>" when the scenario did what it must, else "FAIL <reason> <json>". Lines ending in "?"
// ask the caller (the Java test) to act with its real clients, then wait for a line on stdin.
// Usage: node dashboard.mjs <scenario> <dashboard url> <screenshot directory>
//   admin     with a telnet and a tcp client connected: the token prompt (the test's token, s3cret),
//             the session table, the telnet session's typing in the mirror (WATCHING?), the tcp one
//             as lines (LINES?), a line to it, input injected into it and a broadcast (BROADCAST?),
//             a kick (KICKED?), then the replay of the kicked session's recording
//   readonly  no token: admin messages sent anyway are refused, shown as errors (REFUSED?)
//   listed    the dashboard loads (under a WAR's context path), with the token if it asks, and lists a tcp session
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

const [scenario, url, shots] = process.argv.slice(2);
const stdin = createInterface({ input: process.stdin });
const lines = stdin[Symbol.asyncIterator]();
const ask = async (question) => { console.log(question); await lines.next(); };
const facts = {};
const TOKEN = 's3cret';

class Failure extends Error {}
const check = (condition, reason) => { if (!condition) throw new Failure(reason); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.setDefaultTimeout(15000);
const requests = [];
page.on('request', (request) => requests.push(request.url()));
const shot = (name) => page.screenshot({ path: shots + '/' + name + '.png', fullPage: true });

// Polls the page until predicate(value of read()) holds; bounded by a deadline.
const until = async (what, read, predicate) => {
  const deadline = Date.now() + 15000;
  for (;;) {
    const value = await read();
    if (predicate(value)) return value;
    if (Date.now() > deadline) throw new Failure('timed out waiting for ' + what + ': ' + JSON.stringify(value));
    await page.waitForTimeout(50); // polling the page's state, bounded by the deadline above
  }
};
const mirrorText = () => page.evaluate(() => {
  const buffer = window.mirror.buffer.active;
  const rows = [];
  for (let i = 0; i < buffer.length; i++) rows.push(buffer.getLine(i).translateToString(true));
  return rows.join('\n');
});
const rowOf = (transport) => page.locator('#sessions tbody tr', { has: page.locator('td:nth-child(2)', { hasText: new RegExp('^' + transport + '$') }) });
const results = () => page.$$eval('#results li', (items) => items.map((li) => li.textContent));
const resultFor = (action) => until('the result of ' + action, results, (r) => r.some((line) => line.includes(action + ':')))
  .then((r) => r.find((line) => line.includes(action + ':')));

try {
  await page.goto(url);
  switch (scenario) {
    case 'admin': {
      await page.waitForSelector('#login:not([hidden])');
      await shot('dashboard-login');
      await page.fill('#token', TOKEN);
      await page.click('#login button[type=submit]');
      await page.waitForFunction(() => document.body.dataset.state === 'connected' && document.body.classList.contains('authenticated'));
      facts.mode = await page.textContent('#mode');
      await rowOf('telnet').waitFor();
      await rowOf('tcp').waitFor();
      facts.telnetRow = await rowOf('telnet').locator('td').allTextContents();
      check(facts.telnetRow[3].startsWith('127.0.0.1:'), 'remote address column: ' + facts.telnetRow);
      const idle = await rowOf('tcp').locator('td.idle').textContent();
      await until('the idle time to tick', () => rowOf('tcp').locator('td.idle').textContent(), (t) => t !== idle);
      await rowOf('telnet').click();
      await until('the mirror to take the telnet window size', () => page.evaluate(() => window.mirror.cols + 'x' + window.mirror.rows),
        (size) => size === '100x30');
      await ask('WATCHING?');
      const typed = await until('the typing in the mirror', mirrorText, (t) => t.includes('Echo: hello there'));
      facts.mirror = typed.split('\n').filter((r) => r.trim());
      // Watched after the prompt was drawn: the mirror starts with the server's echo of the typing.
      check(facts.mirror.some((row) => row.endsWith('hello there') && !row.includes('Echo')), 'the echo of the typing is not in the mirror');
      await shot('dashboard-mirror');

      await rowOf('tcp').click();
      const tcpId = await rowOf('tcp').getAttribute('data-id');
      await page.waitForFunction((id) => document.body.dataset.watching === id, tcpId);
      await ask('LINES?');
      await page.waitForFunction(() => document.getElementById('watch-log').textContent.includes('Echo: ping'));
      facts.lines = await page.$$eval('#watch-log div', (divs) => divs.map((d) => d.className + ' ' + d.textContent));
      await page.fill('#send-text', 'Only for you.');
      await page.click('#send-form button');
      facts.sendLine = await resultFor('send_line');
      check(facts.sendLine.includes('send_line: ok'), facts.sendLine);
      await page.fill('#inject-text', 'from support');
      await page.click('#inject-form button');
      facts.inject = await resultFor('inject_input');
      check(facts.inject.includes('inject_input: ok'), facts.inject);
      await page.waitForFunction(() => document.getElementById('watch-log').textContent.includes('Echo: from support'));
      await page.fill('#broadcast-text', 'Maintenance at noon.');
      await page.click('#broadcast-form button');
      facts.broadcast = await resultFor('broadcast');
      check(facts.broadcast.includes('broadcast: ok'), facts.broadcast);
      await shot('dashboard-lines');
      await ask('BROADCAST?');

      await rowOf('telnet').click();
      const telnetId = await rowOf('telnet').getAttribute('data-id');
      await page.waitForFunction((id) => document.body.dataset.watching === id, telnetId);
      await page.fill('#kick-message', 'Closed by the operator for the test.');
      await page.click('#kick-form button');
      facts.kick = await resultFor('kick_session');
      check(facts.kick.includes('kick_session: ok'), facts.kick);
      await rowOf('telnet').waitFor({ state: 'detached' });
      await shot('dashboard-kicked');
      await ask('KICKED?');

      // The kicked session's recording, finished, replayed in the page.
      const item = page.locator('#recordings li', { hasText: 'telnet' }).filter({ hasNotText: '· recording' });
      await until('a finished telnet recording', async () => {
        await page.click('#recordings-refresh');
        return item.count();
      }, (n) => n > 0);
      await item.first().locator('button').click();
      await page.waitForSelector('#player .ap-player');
      const played = await until('the replay to show the echo', () => page.textContent('#player'), (t) => t.includes('Echo: hello there'));
      facts.replayed = played.includes('Closed by the operator for the test.');
      facts.replayTime = await page.evaluate(() => window.player.getCurrentTime());
      check(facts.replayTime > 0, 'the player time did not advance: ' + facts.replayTime);
      await shot('dashboard-replay');
      check(!requests.some((r) => r.includes(TOKEN)), 'the token is in a URL: ' + requests);
      facts.requests = requests.length;
      break;
    }
    case 'readonly': {
      await page.waitForFunction(() => document.body.dataset.state === 'connected');
      check(await page.isHidden('#login'), 'a token prompt without a token');
      facts.mode = await page.textContent('#mode');
      check(facts.mode === 'read-only', 'mode ' + facts.mode);
      check(await page.isHidden('#broadcast-form'), 'admin controls shown to a read-only viewer');
      await rowOf('tcp').waitFor();
      const id = await rowOf('tcp').getAttribute('data-id');
      await rowOf('tcp').click();
      check(await page.isHidden('#kick-form'), 'the kick control is shown to a read-only viewer');
      await page.evaluate((session) => {
        window.dashboard.admin({ type: 'inject_input', session_id: session, text: 'injected\r\n' });
        window.dashboard.admin({ type: 'broadcast', text: 'to everyone' });
        window.dashboard.admin({ type: 'kick_session', session_id: session });
      }, id);
      const refused = await until('three refusals', results, (r) => r.length >= 3);
      facts.refused = refused;
      check(refused.every((line) => line.includes(': error (Admin actions need the monitor token')), 'not refused: ' + refused);
      await shot('dashboard-readonly');
      await ask('REFUSED?');
      check(await rowOf('tcp').count() === 1, 'the tcp session is gone');
      break;
    }
    case 'listed': {
      if (await page.isVisible('#login')) {
        await page.fill('#token', TOKEN);
        await page.click('#login button[type=submit]');
      }
      await page.waitForFunction(() => document.body.dataset.state === 'connected');
      await rowOf('tcp').waitFor();
      facts.row = await rowOf('tcp').locator('td').allTextContents();
      await shot('dashboard-war');
      break;
    }
    default:
      throw new Failure('unknown scenario ' + scenario);
  }
  console.log('OK ' + JSON.stringify(facts));
} catch (e) {
  try { await shot('dashboard-failure-' + scenario); } catch (ignored) { /* the page may be gone */ }
  console.log('FAIL ' + (e instanceof Failure ? e.message : e.stack) + ' ' + JSON.stringify(facts));
} finally {
  await browser.close();
  stdin.close();
}
