// An app's console (#/apps/{app}/console): an interactive run of a command (sh by default) in a new container of the
// app's current release, shown in a terminal emulator (xterm.js, served under ui/vendor/xterm/ from the build) that
// fills its element and follows its size (xterm.js's fit addon, under ui/vendor/xterm-addon-fit/), each new size sent
// to the console as a resize. The browser cannot set headers on a WebSocket, so the token travels as a subprotocol
// beside "slipway", never in the URL. What the console prints is shown here only: the gateway stores none of it.

import { call, enc, session } from '../api.js';
import { h, fill } from '../dom.js';

let xterm;

/** A classic script, loaded once. */
function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = h('script', { src });
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => reject(new Error('the terminal emulator could not be loaded')));
    document.head.append(script);
  });
}

/**
 * xterm.js and its fit addon are classic scripts (they define window.Terminal and window.FitAddon): loaded once, in
 * that order, with xterm's stylesheet, when first needed.
 */
function loadTerminal() {
  xterm ??= (async () => {
    document.head.append(h('link', { rel: 'stylesheet', href: 'ui/vendor/xterm/css/xterm.css' }));
    await loadScript('ui/vendor/xterm/lib/xterm.js');
    await loadScript('ui/vendor/xterm-addon-fit/lib/addon-fit.js');
    return { Terminal: window.Terminal, FitAddon: window.FitAddon.FitAddon };
  })().catch((e) => {
    xterm = undefined;
    throw e;
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
          const emulator = await ctx.run(loadTerminal);
          if (emulator) attach(ctx, run, emulator, screen, status, () => (start.disabled = false));
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

function attach(ctx, run, { Terminal, FitAddon }, screen, status, done) {
  screen.replaceChildren();
  const term = new Terminal();
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(screen);
  fit.fit();
  // The element follows the window (and the page's layout); the terminal follows the element, once a frame.
  let fitting = 0;
  const follow = new ResizeObserver(() => {
    cancelAnimationFrame(fitting);
    fitting = requestAnimationFrame(() => fit.fit());
  });
  follow.observe(screen);
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
    follow.disconnect();
    cancelAnimationFrame(fitting);
    socket.close();
    term.dispose();
  });
}
