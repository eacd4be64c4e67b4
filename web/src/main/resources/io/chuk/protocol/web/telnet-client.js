// The telnet side of the browser terminal: parses the server's byte stream (IAC commands,
// sub-negotiations, IAC IAC, CR NUL) and answers negotiation as a terminal client would.
// Accepted: the server's ECHO and SGA; our SGA, TTYPE (answering xterm-256color) and NAWS (the
// window size, again on every resize). Everything else is refused. An option already in the
// asked state gets no answer, so no peer can make the negotiation loop (RFC 1143's rule).
'use strict';

class TelnetClient {
  static IAC = 255; static DONT = 254; static DO = 253; static WONT = 252; static WILL = 251;
  static SB = 250; static SE = 240;
  static ECHO = 1; static SGA = 3; static TTYPE = 24; static NAWS = 31;
  static MAX_SUBNEGOTIATION = 1024;

  // send(Uint8Array): to the server; size(): {cols, rows} of the terminal.
  constructor(send, size, terminalType) {
    this.send = send;
    this.size = size;
    this.terminalType = terminalType;
    this.remote = new Set(); // options the server does
    this.local = new Set();  // options we do
    this.state = 'data';
    this.command = 0;
    this.sub = [];
    this.afterCr = false;
    this.encoder = new TextEncoder();
  }

  /** Whether the server echoes what we type (else the page echoes it itself). */
  get serverEchoes() { return this.remote.has(TelnetClient.ECHO); }

  /** The bytes of a frame from the server that are for the display. */
  receive(bytes) {
    const T = TelnetClient;
    const out = [];
    for (const b of bytes) {
      switch (this.state) {
        case 'data':
          if (b === T.IAC) { this.state = 'iac'; }
          else if (b === 0 && this.afterCr) { this.afterCr = false; }
          else { out.push(b); this.afterCr = b === 13; }
          break;
        case 'iac':
          if (b === T.IAC) { out.push(b); this.afterCr = false; this.state = 'data'; }
          else if (b >= T.WILL && b <= T.DONT) { this.command = b; this.state = 'option'; }
          else if (b === T.SB) { this.sub = []; this.state = 'sb'; }
          else { this.state = 'data'; } // GA, NOP, and the other one-byte commands mean nothing to a display
          break;
        case 'option':
          this.negotiate(this.command, b);
          this.state = 'data';
          break;
        case 'sb':
          if (b === T.IAC) { this.state = 'sb-iac'; }
          else if (this.sub.length < T.MAX_SUBNEGOTIATION) { this.sub.push(b); }
          break;
        case 'sb-iac':
          if (b === T.SE) { this.subnegotiation(this.sub); this.state = 'data'; }
          else { if (b === T.IAC && this.sub.length < T.MAX_SUBNEGOTIATION) { this.sub.push(b); } this.state = 'sb'; }
          break;
      }
    }
    return Uint8Array.from(out);
  }

  negotiate(command, option) {
    const T = TelnetClient;
    if (command === T.WILL || command === T.WONT) {
      const wanted = command === T.WILL && (option === T.ECHO || option === T.SGA);
      if (command === T.WILL && !wanted) { this.command3(T.DONT, option); return; }
      if (wanted === this.remote.has(option)) { return; }
      if (wanted) { this.remote.add(option); } else { this.remote.delete(option); }
      this.command3(wanted ? T.DO : T.DONT, option);
    } else {
      const wanted = command === T.DO && (option === T.SGA || option === T.TTYPE || option === T.NAWS);
      if (command === T.DO && !wanted) { this.command3(T.WONT, option); return; }
      if (wanted === this.local.has(option)) { return; }
      if (wanted) { this.local.add(option); } else { this.local.delete(option); }
      this.command3(wanted ? T.WILL : T.WONT, option);
      if (wanted && option === T.NAWS) { this.resized(); }
    }
  }

  subnegotiation(data) {
    const T = TelnetClient;
    if (data[0] === T.TTYPE && data[1] === 1 && this.local.has(T.TTYPE)) { // SEND
      this.send(Uint8Array.from([T.IAC, T.SB, T.TTYPE, 0, ...this.encoder.encode(this.terminalType), T.IAC, T.SE]));
    }
  }

  /** Tells the server the window size, when it asked for it (NAWS). */
  resized() {
    const T = TelnetClient;
    if (!this.local.has(T.NAWS)) { return; }
    const { cols, rows } = this.size();
    const body = [];
    for (const v of [cols >> 8, cols & 255, rows >> 8, rows & 255]) {
      body.push(v);
      if (v === T.IAC) { body.push(v); }
    }
    this.send(Uint8Array.from([T.IAC, T.SB, T.NAWS, ...body, T.IAC, T.SE]));
  }

  /** Typed or pasted text as telnet bytes: UTF-8, Enter as CR LF, 0xFF doubled. */
  encode(text) {
    const bytes = this.encoder.encode(text.replace(/\r\n|\r|\n/g, '\r\n'));
    const out = [];
    for (const b of bytes) {
      out.push(b);
      if (b === TelnetClient.IAC) { out.push(b); }
    }
    return Uint8Array.from(out);
  }

  command3(command, option) {
    this.send(Uint8Array.from([TelnetClient.IAC, command, option]));
  }
}
