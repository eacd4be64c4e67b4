// The line page of a websocket entry: each text frame from the server is one line of the log;
// Enter sends the input box as one text frame. It connects with ?hints=1, so the server says
// when input is secret (the frames "\u0000chuk:input=hidden" / "=visible", never shown): the
// input box is then a password box.
'use strict';

(() => {
  const MAX_LINES = 5000;
  const HINT = '\u0000chuk:input=';
  const log = document.getElementById('log');
  const input = document.getElementById('input');
  let socket = null;

  const append = (text, className) => {
    const line = document.createElement('div');
    line.textContent = text;
    if (className) {
      line.className = className;
    }
    log.appendChild(line);
    while (log.childElementCount > MAX_LINES) {
      log.firstElementChild.remove();
    }
    log.scrollTop = log.scrollHeight;
  };

  document.getElementById('send').addEventListener('submit', (event) => {
    event.preventDefault();
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(input.value);
      if (input.type !== 'password') {
        append(input.value, 'sent');
      }
      input.value = '';
    }
  });

  const url = webSocketUrl(document.body.dataset.wsPath) + '?hints=1';
  keepConnected(document.getElementById('status'), () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => input.focus();
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string') {
        return;
      }
      if (event.data.startsWith(HINT)) {
        input.type = event.data === HINT + 'hidden' ? 'password' : 'text';
      } else if (!event.data.startsWith('\u0000')) {
        append(event.data);
      }
    };
    ws.onclose = () => {
      if (ws === socket) {
        input.type = 'text';
        append('[connection closed]', 'note');
      }
    };
    return ws;
  });
})();
