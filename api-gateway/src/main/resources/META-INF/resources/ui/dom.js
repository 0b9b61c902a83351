// Small DOM helpers: elements are built as nodes, never from HTML strings, so nothing the API
// returns (a log line, a reason, a config value) can become markup.

/** h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', otherNode) */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function time(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return h('time', { datetime: iso, title: iso }, date.toLocaleString());
}

/** "1.2 s", "3 min 4 s"; null when the start is unknown. */
export function duration(startIso, endIso) {
  if (!startIso) return null;
  const ms = (endIso ? new Date(endIso) : new Date()) - new Date(startIso);
  if (ms < 0) return null;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function status(value) {
  return h('span', { class: `status ${value}` }, value);
}

export function shortId(id) {
  return id ? id.slice(0, 8) : '';
}

/**
 * A button whose action runs only once confirmed in place: the question, then a confirming button
 * (class confirm-yes) and Cancel. No window.confirm: it blocks the page and its streams.
 */
export function confirmed(attrs, label, question, action) {
  const box = h('span', { class: 'confirm' });
  const idle = () => fill(box, h('button', { type: 'button', ...attrs, onclick: ask }, label));
  const ask = () => {
    const yes = h(
      'button',
      {
        type: 'button',
        class: 'danger confirm-yes',
        onclick: async () => {
          yes.disabled = true;
          await action();
          idle();
        },
      },
      `Yes, ${label.toLowerCase()}`,
    );
    fill(box, h('span', {}, question, ' '), yes, ' ', h('button', { type: 'button', class: 'link confirm-no', onclick: idle }, 'Cancel'));
    yes.focus();
  };
  idle();
  return box;
}
