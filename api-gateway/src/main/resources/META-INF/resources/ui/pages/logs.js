// An app's live logs: the last lines of each running process container, then the new ones, each
// tagged with its process (web.1). Filter by process type, pause (lines are kept meanwhile) and
// follow the tail. The stream moves to new containers by itself after a deploy, restart or scale.

import { call, enc } from '../api.js';
import { followStream } from '../events.js';
import { h, fill } from '../dom.js';

// Lines kept on the page (and while paused): enough to read back, bounded for a long session.
const KEPT_LINES = 2000;

export async function appLogsPage(view, ctx, name) {
  const base = `/api/v1/apps/${enc(name)}`;
  const app = await ctx.run(() => call('GET', base, undefined, ctx.signal));
  if (!app) {
    fill(view, h('section', { class: 'card' }, h('h1', {}, `Logs of ${name}`), h('a', { href: '#/apps' }, 'All apps')));
    return;
  }
  const types = [...new Set([...app.processes.map((p) => p.type).filter(Boolean), ...Object.keys(app.formation || {})])].sort();
  const type = h('select', { id: 'log-type', name: 'type' }, h('option', { value: '' }, 'every type'), types.map((t) => h('option', { value: t }, t)));
  const pause = h('button', { type: 'button', id: 'log-pause', 'aria-pressed': 'false' }, 'Pause');
  const follow = h('input', { type: 'checkbox', id: 'log-follow', checked: true });
  const state = h('p', { class: 'hint', id: 'stream-state', role: 'status' }, 'Connecting to the log stream…');
  const output = h('pre', { class: 'log tall', id: 'app-log', tabindex: 0 });
  let paused = false;
  let held = [];
  let stream = null;

  const show = (lines) => {
    output.append(...lines);
    while (output.childElementCount > KEPT_LINES) output.firstElementChild.remove();
    if (follow.checked) output.scrollTop = output.scrollHeight;
  };
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    if (!paused) {
      show(held);
      held = [];
    }
  });
  follow.addEventListener('change', () => {
    if (follow.checked) output.scrollTop = output.scrollHeight;
  });

  const open = () => {
    stream?.abort();
    stream = new AbortController();
    ctx.signal.addEventListener('abort', () => stream.abort());
    output.replaceChildren();
    held = [];
    state.textContent = 'Connecting to the log stream…';
    // Resumed after a drop from the last line's time, without the lines of that instant seen already.
    let lastAt = null;
    let seenAtLast = new Set();
    const query = () => {
      const params = new URLSearchParams();
      if (type.value) params.set('type', type.value);
      if (lastAt) params.set('since', lastAt);
      return `${base}/logs?${params}`;
    };
    followStream(
      query,
      {
        event: ({ name: kind, data }) => {
          if (kind === 'release') {
            state.textContent = `Live; now following deployment ${data.deploymentId.slice(0, 8)}.`;
            return;
          }
          if (kind === 'error') {
            state.textContent = `The stream broke off: ${data.detail}`;
            return;
          }
          const key = `${data.containerId} ${data.stream} ${data.line}`;
          if (data.at === lastAt && seenAtLast.has(key)) return;
          if (data.at !== lastAt) seenAtLast = new Set();
          lastAt = data.at;
          seenAtLast.add(key);
          const line = h('div', { class: `line ${data.stream}`, dataset: { process: data.process } }, h('span', { class: 'process' }, data.process), ' ', data.line);
          if (paused) {
            held.push(line);
            if (held.length > KEPT_LINES) held.shift();
          } else show([line]);
          state.textContent = 'Live.';
        },
        end: () => true,
        problem: (error) => {
          state.textContent = 'The log stream stopped.';
          ctx.show(error);
        },
        reconnecting: (attempt) => {
          state.textContent = `Connection lost; resuming (attempt ${attempt})…`;
        },
      },
      stream.signal,
    );
  };
  type.addEventListener('change', open);

  fill(
    view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/apps' }, 'Apps'), ' / ', h('a', { href: `#/apps/${enc(name)}` }, name), ' / logs'),
    h('h1', {}, `Logs of ${name}`),
    h(
      'section',
      { class: 'card' },
      h('div', { class: 'row' }, h('label', {}, 'Process type ', type), pause, h('label', { class: 'inline' }, follow, ' Follow the tail')),
      state,
      output,
    ),
  );
  open();
}
