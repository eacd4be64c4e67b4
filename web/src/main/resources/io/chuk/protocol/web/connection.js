// Keeps one WebSocket connected: shows the state in the status line and, after the server goes
// away, reconnects with exponential backoff (1 s, doubling, at most 30 s; back to 1 s once connected).
'use strict';

function webSocketUrl(path) {
  const url = new URL(path.replace(/^\//, ''), window.location.href); // under the page's directory (the WAR's context path)
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

// open(): a new WebSocket, its handlers set; each connect() is one attempt.
function keepConnected(statusElement, open) {
  const FIRST_DELAY = 1000;
  const MAX_DELAY = 30000;
  let delay = FIRST_DELAY;
  const show = (state, text) => {
    statusElement.className = 'status ' + state;
    statusElement.textContent = text;
    document.body.dataset.state = state;
  };
  const connect = () => {
    show('connecting', 'Connecting…');
    const socket = open();
    socket.addEventListener('open', () => {
      delay = FIRST_DELAY;
      show('connected', 'Connected to ' + socket.url);
    });
    socket.addEventListener('close', () => {
      let seconds = Math.round(delay / 1000);
      delay = Math.min(delay * 2, MAX_DELAY);
      show('disconnected', 'Disconnected. Reconnecting in ' + seconds + ' s');
      const tick = setInterval(() => {
        seconds -= 1;
        if (seconds > 0) {
          show('disconnected', 'Disconnected. Reconnecting in ' + seconds + ' s');
        } else {
          clearInterval(tick);
          connect();
        }
      }, 1000);
    });
  };
  connect();
}
