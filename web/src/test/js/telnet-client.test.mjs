// The browser terminal's telnet client (telnet-client.js), byte by byte, under node's test runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL('../../main/resources/io/chuk/protocol/web/telnet-client.js', import.meta.url), 'utf8');
vm.runInThisContext(source + '\nglobalThis.TelnetClient = TelnetClient;');
const { TelnetClient } = globalThis;
const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;

const client = (cols = 80, rows = 24) => {
  const sent = [];
  const size = { cols, rows };
  const telnet = new TelnetClient((bytes) => sent.push(...bytes), () => size, 'xterm-256color');
  return { telnet, sent, size };
};
const bytes = (...values) => Uint8Array.from(values);

test('accepts the server\'s ECHO and SGA and answers once', () => {
  const { telnet, sent } = client();
  telnet.receive(bytes(IAC, WILL, 1, IAC, WILL, 3, IAC, DO, 3, IAC, WILL, 1));
  assert.deepEqual(sent, [IAC, DO, 1, IAC, DO, 3, IAC, WILL, 3]);
  assert.equal(telnet.serverEchoes, true);
  sent.length = 0;
  telnet.receive(bytes(IAC, WONT, 1, IAC, WONT, 1));
  assert.deepEqual(sent, [IAC, DONT, 1]);
  assert.equal(telnet.serverEchoes, false);
});

test('refuses every other option', () => {
  const { telnet, sent } = client();
  telnet.receive(bytes(IAC, WILL, 34, IAC, DO, 34, IAC, DO, 39, IAC, DONT, 34, IAC, WONT, 34));
  assert.deepEqual(sent, [IAC, DONT, 34, IAC, WONT, 34, IAC, WONT, 39]);
});

test('answers TTYPE SEND with xterm-256color', () => {
  const { telnet, sent } = client();
  telnet.receive(bytes(IAC, DO, 24, IAC, SB, 24, 1, IAC, SE));
  assert.deepEqual(sent, [IAC, WILL, 24, IAC, SB, 24, 0, ...new TextEncoder().encode('xterm-256color'), IAC, SE]);
});

test('sends the window size on DO NAWS and on every resize, doubling 255', () => {
  const { telnet, sent, size } = client(120, 40);
  telnet.resized();
  assert.deepEqual(sent, [], 'nothing before the server asked');
  telnet.receive(bytes(IAC, DO, 31));
  assert.deepEqual(sent, [IAC, WILL, 31, IAC, SB, 31, 0, 120, 0, 40, IAC, SE]);
  sent.length = 0;
  size.cols = 255; size.rows = 300;
  telnet.resized();
  assert.deepEqual(sent, [IAC, SB, 31, 0, 255, 255, 1, 44, IAC, SE]);
});

test('display bytes: commands removed, IAC IAC unescaped, CR NUL stripped, also across frames', () => {
  const { telnet } = client();
  assert.deepEqual([...telnet.receive(bytes(65, IAC, IAC, 66, 13, 0, 10, IAC))], [65, 255, 66, 13, 10]);
  assert.deepEqual([...telnet.receive(bytes(241, 67, 13))], [67, 13]);
  assert.deepEqual([...telnet.receive(bytes(0, 68, IAC, SB, 24, 1))], [68]);
  assert.deepEqual([...telnet.receive(bytes(IAC, SE, 69))], [69]);
});

test('a sub-negotiation longer than the bound is cut, and the stream goes on', () => {
  const { telnet } = client();
  const long = new Uint8Array(5000).fill(7);
  assert.deepEqual([...telnet.receive(Uint8Array.from([IAC, SB, 99, ...long, IAC, SE, 70]))], [70]);
  assert.equal(telnet.sub.length, TelnetClient.MAX_SUBNEGOTIATION);
});

test('typed text is UTF-8 (which has no 0xFF byte to double) with Enter as CR LF', () => {
  const { telnet } = client();
  assert.deepEqual([...telnet.encode('hé\r')], [104, 0xc3, 0xa9, 13, 10]);
  assert.deepEqual([...telnet.encode('a\r\nb\n')], [97, 13, 10, 98, 13, 10]);
  assert.deepEqual([...telnet.encode('\u00ff')], [0xc3, 0xbf]);
  assert.deepEqual([...telnet.encode('\u{1F600}')], [0xf0, 0x9f, 0x98, 0x80]);
});
