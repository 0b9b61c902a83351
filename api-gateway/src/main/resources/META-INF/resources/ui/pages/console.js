// An app's console (#/apps/{app}/console): an interactive run of a command (sh by default) in a new container of the
// app's current release, shown in a terminal emulator (xterm.js, served under ui/vendor/xterm/ from the build). The
// browser cannot set headers on a WebSocket, so the token travels as a subprotocol beside "slipway", never in the
// URL. What the console prints is shown here only: the gateway stores none of it.

import { call, enc, session } from '../api.js';
import { h, fill } from '../dom.js';

const SIZE = { cols: 100, rows: 30 };

let xterm;

/** xterm.js is a classic script (it defines window.Terminal): loaded once, with its stylesheet, when first needed. */
function loadTerminal() {
  xterm ??= new Promise((resolve, reject) => {
    document.head.append(h('link', { rel: 'stylesheet', href: 'ui/vendor/xterm/css/xterm.css' }));
    const script = h('script', { src: 'ui/vendor/xterm/lib/xterm.js' });
    script.addEventListener('load', () => resolve(window.Terminal));
    script.addEventListener('error', () => {
      xterm = undefined;
      reject(new Error('the terminal emulator could not be loaded'));
    });
    document.head.append(script);
  });
  return xterm;
}

/** The token as a subprotocol name: base64url without padding, so that any token is a valid name. */
function tokenProtocol(token) {
  const bytes = new TextEncoder().encode(token);
  const base64 = btoa(String.fromCharCode(...bytes));
  return `slipway.bearer.${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

export function consolePage(view, ctx, app) {
  const command = h('input', { id: 'console-command', name: 'command', value: 'sh', required: true, maxlength: 1000 });
  const status = h('p', { id: 'console-status', role: 'status' });
  const screen = h('div', { id: 'console-screen', class: 'console-screen' });
  const start = h('button', { type: 'submit' }, 'Start');
  fill(
    view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/apps' }, 'Apps'), ' / ', h('a', { href: `#/apps/${enc(app)}` }, app), ' / console'),
    h('h1', {}, `Console of ${app}`),
    h(
      'form',
      {
        id: 'console-form',
        class: 'card',
        onsubmit: async (e) => {
          e.preventDefault();
          start.disabled = true;
          const run = await ctx.run(() =>
            call('POST', `/api/v1/apps/${enc(app)}/runs`, { command: command.value, interactive: true }, ctx.signal),
          );
          if (!run) {
            start.disabled = false;
            return;
          }
          const Terminal = await ctx.run(loadTerminal);
          if (Terminal) attach(ctx, run, Terminal, screen, status, () => (start.disabled = false));
        },
      },
      h('label', {}, 'Command ', command),
      ' ',
      start,
    ),
    status,
    screen,
  );
}

function attach(ctx, run, Terminal, screen, status, done) {
  screen.replaceChildren();
  const term = new Terminal(SIZE);
  term.open(screen);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/api/v1/runs/${enc(run.id)}/attach`, [
    'slipway',
    tokenProtocol(session.token()),
  ]);
  socket.binaryType = 'arraybuffer';
  const encoder = new TextEncoder();
  const send = (data) => socket.readyState === WebSocket.OPEN && socket.send(data);
  status.textContent = `Run ${run.id}: starting…`;
  socket.addEventListener('open', () => {
    status.textContent = `Run ${run.id}: attached`;
    send(JSON.stringify({ resize: { cols: term.cols, rows: term.rows } }));
    term.focus();
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') {
      term.write(new Uint8Array(event.data));
      return;
    }
    const message = JSON.parse(event.data);
    if (message.ended) {
      const code = message.ended.exitCode ?? '—';
      status.textContent = `Run ${run.id}: ${message.ended.status} (exit code ${code})`;
    } else if (message.error) {
      status.textContent = `Run ${run.id}: ${message.error}`;
    }
  });
  socket.addEventListener('close', (event) => {
    if (event.code !== 1000) status.textContent = `Run ${run.id}: closed (${event.code}) ${event.reason}`;
    done();
  });
  term.onData((data) => send(encoder.encode(data)));
  term.onResize(({ cols, rows }) => send(JSON.stringify({ resize: { cols, rows } })));
  // Leaving the page ends the console, as closing the socket does.
  ctx.signal.addEventListener('abort', () => {
    socket.close();
    term.dispose();
  });
}
