// The operator dashboard: the session monitor's JSON protocol in a page. Sessions of every
// transport in a table; a watched telnet/ws_telnet session in a read-only xterm.js mirror (the
// terminal stream), others as a line log; admin actions when the page presented the monitor
// token; recordings replayed with asciinema-player. The token is kept in this tab's
// sessionStorage and sent as a WebSocket subprotocol and an Authorization header, never in a URL.
'use strict';
(() => {
  const body = document.body;
  const $ = (id) => document.getElementById(id);
  const MONITOR_PATH = body.dataset.monitorPath;
  const DASHBOARD_PATH = body.dataset.dashboardPath;
  const TOKEN_NEEDED = body.dataset.token === 'required';
  const RECORDINGS = body.dataset.recordings;
  const TOKEN_KEY = 'chuk-monitor-token';
  const LIST_EVERY_MS = 5000;
  const MAX_RESULTS = 100;
  const MAX_LOG_LINES = 2000;
  const TERMINAL_TRANSPORTS = ['telnet', 'ws_telnet'];

  // The page is <context><dashboard_path>: what precedes it is the WAR's context path ("" standalone).
  const path = window.location.pathname;
  const context = path.endsWith(DASHBOARD_PATH) ? path.slice(0, path.length - DASHBOARD_PATH.length)
    : path.replace(/\/$/, '');

  let token = sessionStorage.getItem(TOKEN_KEY);
  let socket = null;
  let retryDelay = 1000;
  let listPending = false;
  let watching = null;
  let watchingTransport = null;
  const sessions = new Map(); // id → { session, receivedAt }

  const mirror = new Terminal({
    disableStdin: true, cursorBlink: false, cols: 80, rows: 24, fontSize: 13, scrollback: 5000,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    theme: { background: '#000000', foreground: '#d8dee9' },
  });
  mirror.open($('mirror'));
  window.mirror = mirror;

  // --- connection -------------------------------------------------------------------------

  const base64url = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  function monitorUrl() {
    const url = new URL(context + MONITOR_PATH, window.location.href);
    url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.toString();
  }

  function setStatus(state, text) {
    $('status').className = 'pill ' + state;
    $('status').textContent = text;
    body.dataset.state = state;
  }

  function setAuthenticated(yes) {
    body.classList.toggle('authenticated', yes);
    $('mode').textContent = yes ? 'admin' : 'read-only';
    $('mode').className = 'pill ' + (yes ? 'admin' : 'muted');
    $('signout').hidden = !token;
  }

  function connect() {
    if (TOKEN_NEEDED && !token) {
      showLogin(null);
      return;
    }
    const protocols = ['chuk-monitor'];
    if (token) {
      protocols.push('chuk-token.' + base64url(token));
    }
    setStatus('connecting', 'Connecting…');
    const ws = new WebSocket(monitorUrl(), protocols);
    let opened = false;
    socket = ws;
    ws.addEventListener('open', () => {
      opened = true;
      retryDelay = 1000;
      listPending = true; // the monitor sends active_sessions on connect
      setStatus('connected', 'Connected');
      setAuthenticated(TOKEN_NEEDED && !!token);
    });
    ws.addEventListener('message', (event) => handle(JSON.parse(event.data)));
    ws.addEventListener('close', () => {
      if (socket !== ws) {
        return; // replaced (signed out or in again)
      }
      socket = null;
      setAuthenticated(false);
      if (!opened && token) {
        // The upgrade was refused (401/403) or the server is away: ask again rather than retry a bad token.
        showLogin('The monitor refused the token, or cannot be reached.');
        setStatus('disconnected', 'Not connected');
        return;
      }
      let seconds = Math.round(retryDelay / 1000);
      retryDelay = Math.min(retryDelay * 2, 30000);
      setStatus('disconnected', 'Disconnected. Reconnecting in ' + seconds + ' s');
      const tick = setInterval(() => {
        seconds -= 1;
        if (seconds > 0) {
          setStatus('disconnected', 'Disconnected. Reconnecting in ' + seconds + ' s');
        } else {
          clearInterval(tick);
          connect();
        }
      }, 1000);
    });
  }

  function send(message) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      addResult('error', message.type, 'Not connected to the monitor');
      return false;
    }
    socket.send(JSON.stringify(message));
    return true;
  }

  function showLogin(error) {
    $('login').hidden = false;
    $('login-error').hidden = !error;
    $('login-error').textContent = error || '';
    $('token').value = '';
    $('token').focus();
  }

  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token = $('token').value;
    sessionStorage.setItem(TOKEN_KEY, token);
    $('login').hidden = true;
    connect();
    loadRecordings();
  });

  $('signout').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    token = null;
    const old = socket;
    socket = null;
    if (old) {
      old.close();
    }
    setAuthenticated(false);
    if (TOKEN_NEEDED) {
      setStatus('disconnected', 'Not connected');
      showLogin(null);
    } else {
      connect();
    }
  });

  // --- monitor events ---------------------------------------------------------------------

  function handle(message) {
    switch (message.type) {
      case 'active_sessions':
        listPending = false;
        sessions.clear();
        message.sessions.forEach(remember);
        renderSessions();
        if (watching && sessions.has(watching)) {
          watch(watching); // again after a reconnect
        }
        break;
      case 'session_started':
      case 'session_updated':
        remember(message.session);
        renderSessions();
        break;
      case 'session_ended':
        sessions.delete(message.session.id);
        renderSessions();
        if (message.session.id === watching) {
          note('Session ended.');
          $('session-admin').hidden = true;
        }
        if (RECORDINGS) {
          setTimeout(loadRecordings, 1000); // its recording is complete once written out
        }
        break;
      case 'watch_response':
        if (message.status === 'error') {
          addResult('error', 'watch_session', message.error);
        } else if (message.status === 'success' && message.session_id === watching) {
          body.dataset.watching = watching; // from here on the session's events arrive
        }
        break;
      case 'terminal_size':
        if (message.session_id === watching) {
          mirror.resize(message.width, message.height);
        }
        break;
      case 'terminal_output':
        if (message.session_id === watching) {
          mirror.write(Uint8Array.from(atob(message.data), (c) => c.charCodeAt(0)));
        }
        break;
      case 'client_input':
      case 'server_message':
        if (message.session_id === watching) {
          logLine(message.data.text, message.type === 'client_input' ? 'in' : 'out');
        }
        touch(message.session_id, message.type === 'client_input');
        break;
      case 'admin_result':
        addResult(message.status, message.action, message.status === 'ok'
          ? (message.sessions !== undefined ? message.sessions + ' sessions' : shortId(message.session_id))
          : message.error);
        break;
      case 'error':
        if (message.error === 'A session list is already on its way') {
          break;
        }
        addResult('error', 'monitor', message.error);
        break;
      default:
        break;
    }
  }

  function remember(session) {
    sessions.set(session.id, { session, receivedAt: Date.now() });
  }

  function touch(id, input) {
    const entry = sessions.get(id);
    if (entry && input) {
      entry.session.idle_seconds = 0;
      entry.receivedAt = Date.now();
    }
  }

  // --- sessions table ---------------------------------------------------------------------

  const shortId = (id) => (id ? id.slice(0, 8) : '');
  const cell = (text, className) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    return td;
  };
  const address = (client) => {
    const remote = client && client.remote_addr;
    return Array.isArray(remote) ? remote[0] + ':' + remote[1] : (remote || '—');
  };
  const started = (seconds) => new Date(seconds * 1000).toLocaleString([], { dateStyle: 'short', timeStyle: 'medium' });
  const idleSeconds = (entry) => Math.max(0, Math.floor((entry.session.idle_seconds || 0) + (Date.now() - entry.receivedAt) / 1000));
  const duration = (total) => {
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + s + 's';
  };

  function renderSessions() {
    const rows = [...sessions.values()].sort((a, b) => a.session.start_time - b.session.start_time).map((entry) => {
      const s = entry.session;
      const tr = document.createElement('tr');
      tr.dataset.id = s.id;
      tr.title = s.id;
      if (s.id === watching) {
        tr.className = 'selected';
      }
      tr.append(cell(shortId(s.id), 'id'), cell(s.transport), cell(s.server), cell(address(s.client)),
        cell((s.client && s.client.user_agent) || '—'), cell(started(s.start_time)), cell(duration(idleSeconds(entry)), 'idle'));
      const attributes = cell('');
      Object.entries(s.attributes || {}).forEach(([name, value]) => {
        const span = document.createElement('span');
        span.className = 'attr';
        span.textContent = name + '=' + value;
        attributes.append(span);
      });
      tr.append(attributes);
      tr.addEventListener('click', () => watch(s.id));
      return tr;
    });
    $('sessions').tBodies[0].replaceChildren(...rows);
    $('session-count').textContent = String(rows.length);
    $('no-sessions').hidden = rows.length > 0;
  }

  setInterval(() => {
    for (const tr of $('sessions').tBodies[0].rows) {
      const entry = sessions.get(tr.dataset.id);
      if (entry) {
        tr.querySelector('.idle').textContent = duration(idleSeconds(entry));
      }
    }
  }, 1000);

  setInterval(() => {
    if (socket && socket.readyState === WebSocket.OPEN && !listPending) {
      listPending = true;
      send({ type: 'list_sessions' });
    }
  }, LIST_EVERY_MS);

  // --- watching ---------------------------------------------------------------------------

  function watch(id) {
    const entry = sessions.get(id);
    if (!entry) {
      return;
    }
    if (watching && watching !== id) {
      send({ type: 'stop_watching', session_id: watching });
    }
    const terminal = TERMINAL_TRANSPORTS.includes(entry.session.transport);
    delete body.dataset.watching;
    watching = id;
    watchingTransport = entry.session.transport;
    $('watch-title').textContent = shortId(id) + ' · ' + entry.session.transport + ' · ' + entry.session.server;
    $('mirror').hidden = !terminal;
    $('watch-log').hidden = terminal;
    $('session-admin').hidden = false;
    if (terminal) {
      mirror.reset();
    } else {
      $('watch-log').replaceChildren();
      logLine('Watching: what the client sends and receives appears here.', 'note');
    }
    send({ type: 'watch_session', session_id: id, mode: terminal ? 'terminal' : 'lines' });
    renderSessions();
  }

  function logLine(text, className) {
    const log = $('watch-log');
    const line = document.createElement('div');
    line.className = className;
    line.textContent = text;
    log.append(line);
    while (log.childElementCount > MAX_LOG_LINES) {
      log.firstElementChild.remove();
    }
    log.scrollTop = log.scrollHeight;
  }

  function note(text) {
    if (TERMINAL_TRANSPORTS.includes(watchingTransport)) {
      mirror.write('\r\n\x1b[2m[' + text + ']\x1b[0m\r\n');
    } else {
      logLine(text, 'note');
    }
  }

  // --- admin actions ----------------------------------------------------------------------

  function addResult(status, action, detail) {
    const li = document.createElement('li');
    li.className = status === 'ok' ? 'ok' : 'error';
    li.textContent = new Date().toLocaleTimeString() + ' ' + action + ': ' + (status === 'ok' ? 'ok' : 'error')
      + (detail ? ' (' + detail + ')' : '');
    const results = $('results');
    results.prepend(li);
    while (results.childElementCount > MAX_RESULTS) {
      results.lastElementChild.remove();
    }
  }

  const admin = (message) => send(message);
  const onSubmit = (form, action) => $(form).addEventListener('submit', (event) => {
    event.preventDefault();
    action();
  });
  onSubmit('kick-form', () => {
    const message = { type: 'kick_session', session_id: watching };
    if ($('kick-message').value) {
      message.message = $('kick-message').value;
    }
    if (admin(message)) {
      $('kick-message').value = '';
    }
  });
  onSubmit('send-form', () => {
    if (admin({ type: 'send_line', session_id: watching, text: $('send-text').value })) {
      $('send-text').value = '';
    }
  });
  onSubmit('inject-form', () => {
    // A byte stream needs the Enter; on websocket one message is one line.
    const text = $('inject-text').value + (watchingTransport === 'websocket' ? '' : '\r\n');
    if (admin({ type: 'inject_input', session_id: watching, text })) {
      $('inject-text').value = '';
    }
  });
  onSubmit('broadcast-form', () => {
    if (admin({ type: 'broadcast', text: $('broadcast-text').value })) {
      $('broadcast-text').value = '';
    }
  });

  // --- recordings -------------------------------------------------------------------------

  const authorization = () => (token ? { Authorization: 'Bearer ' + token } : {});
  let player = null;

  async function loadRecordings() {
    if (!RECORDINGS || (TOKEN_NEEDED && !token)) {
      return;
    }
    $('recordings-panel').hidden = false;
    try {
      const response = await fetch(context + RECORDINGS, { headers: authorization(), cache: 'no-store' });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const { recordings } = await response.json();
      $('recordings-error').hidden = true;
      const items = recordings.sort((a, b) => b.start_time - a.start_time).map((recording) => {
        const li = document.createElement('li');
        const what = document.createElement('span');
        what.className = 'what';
        what.textContent = started(recording.start_time) + ' · ' + recording.server + ' · ' + recording.transport
          + ' · ' + Math.ceil(recording.size / 1024) + ' KiB' + (recording.finished ? '' : ' · recording');
        what.title = recording.name;
        const play = document.createElement('button');
        play.className = 'small';
        play.textContent = 'Play';
        play.dataset.name = recording.name;
        play.addEventListener('click', () => replay(recording));
        li.append(what, play);
        return li;
      });
      $('recordings').replaceChildren(...items);
      if (!items.length) {
        const li = document.createElement('li');
        li.className = 'muted';
        li.textContent = 'No recordings yet.';
        $('recordings').append(li);
      }
    } catch (e) {
      $('recordings-error').hidden = false;
      $('recordings-error').textContent = 'Recordings: ' + e.message;
    }
  }

  async function replay(recording) {
    try {
      const response = await fetch(context + RECORDINGS + '/' + encodeURIComponent(recording.name),
        { headers: authorization(), cache: 'no-store' });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const cast = await response.text();
      if (player) {
        player.dispose();
      }
      $('replay-panel').hidden = false;
      $('replay-title').textContent = recording.server + ' · ' + shortId(recording.session_id);
      $('player').replaceChildren();
      player = AsciinemaPlayer.create({ data: cast }, $('player'), {
        autoPlay: true, idleTimeLimit: 2, fit: false, terminalFontSize: '13px',
      });
      window.player = player;
      $('replay-panel').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    } catch (e) {
      addResult('error', 'replay', e.message);
    }
  }

  $('recordings-refresh').addEventListener('click', loadRecordings);
  $('replay-close').addEventListener('click', () => {
    if (player) {
      player.dispose();
      player = null;
    }
    $('replay-panel').hidden = true;
  });

  window.dashboard = { admin, watch, sessions, loadRecordings };
  setAuthenticated(false);
  connect();
  loadRecordings();
})();
