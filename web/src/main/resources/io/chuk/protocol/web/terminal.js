// The browser terminal: xterm.js (window.term) on the entry's ws_telnet endpoint, with the
// telnet negotiation done by TelnetClient. Output is written with xterm.js's write callback and
// what waits for the display is bounded: a WebSocket in a browser cannot pause its input, so past
// MAX_PENDING bytes further output is dropped (with one warning line) until the display catches up.
'use strict';

(() => {
  const MAX_PENDING = 1024 * 1024;
  const container = document.getElementById('terminal');
  const term = new Terminal({
    cursorBlink: true,
    scrollback: 5000,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 15,
    theme: { background: '#101418', foreground: '#d8dee9' },
  });
  window.term = term;
  const fit = new FitAddon.FitAddon();
  term.loadAddon(fit);
  term.open(container);
  fit.fit();
  term.focus();

  // Ctrl-Shift-C copies the selection; Ctrl-Shift-V is left to the browser, whose paste event
  // xterm.js turns into term.onData. Neither is sent to the server as a control character.
  term.attachCustomKeyEventHandler((event) => {
    if (event.ctrlKey && event.shiftKey && event.code === 'KeyC') {
      if (event.type === 'keydown' && term.hasSelection()) {
        if (navigator.clipboard) { // secure contexts only (https:, localhost)
          navigator.clipboard.writeText(term.getSelection()).catch(() => document.execCommand('copy'));
        } else {
          document.execCommand('copy'); // xterm.js answers the copy event with the selection
        }
      }
      event.preventDefault();
      return false;
    }
    return !(event.ctrlKey && event.shiftKey && event.code === 'KeyV');
  });

  let socket = null;
  let telnet = null;
  let decoder = null;
  let pending = 0;
  let dropping = false;

  const write = (bytes) => {
    if (pending + bytes.length > MAX_PENDING) {
      if (!dropping) {
        dropping = true;
        term.write('\r\n\x1b[33m[output dropped: more than 1 MiB waiting for the display]\x1b[0m\r\n');
      }
      return;
    }
    pending += bytes.length;
    term.write(decoder.decode(bytes, { stream: true }), () => {
      pending -= bytes.length;
      if (pending === 0) {
        dropping = false;
      }
    });
  };

  const send = (bytes) => {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(bytes);
    }
  };

  term.onData((text) => {
    if (!telnet) {
      return;
    }
    if (!telnet.serverEchoes) { // a line-mode server: echo locally, as a telnet client does
      term.write(text.replace(/\r\n|\r|\n/g, '\r\n').replace(/\x7f/g, '\b \b'));
    }
    send(telnet.encode(text));
  });
  term.onResize(() => telnet && telnet.resized());
  window.addEventListener('resize', () => fit.fit());

  const url = webSocketUrl(document.body.dataset.wsPath);
  keepConnected(document.getElementById('status'), () => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    telnet = new TelnetClient(send, () => ({ cols: term.cols, rows: term.rows }), 'xterm-256color');
    decoder = new TextDecoder('utf-8');
    ws.onmessage = (event) => {
      if (ws === socket && event.data instanceof ArrayBuffer) {
        const data = telnet.receive(new Uint8Array(event.data));
        if (data.length > 0) {
          write(data);
        }
      }
    };
    ws.onopen = () => term.focus();
    ws.onclose = () => {
      if (ws === socket) {
        term.write(decoder.decode() + '\r\n\x1b[2m[connection closed]\x1b[0m\r\n');
        socket = null;
        telnet = null;
      }
    };
    return ws;
  });
})();
