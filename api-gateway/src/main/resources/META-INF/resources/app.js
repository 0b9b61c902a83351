// Slipway's web UI: plain DOM, no build step. Every call sends the token from localStorage.
// The logs stream is read with fetch (EventSource cannot send an Authorization header).
'use strict';

const $ = (id) => document.getElementById(id);
const state = { app: null, logs: null };

function token() {
  return localStorage.getItem('slipway-token') || '';
}

async function api(method, path, body) {
  const response = await fetch('/api/v1' + path, {
    method,
    headers: Object.assign({ Authorization: 'Bearer ' + token() }, body ? { 'Content-Type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${response.status} ${problem.title || response.statusText}: ${problem.detail || ''}`);
  }
  return response.status === 204 ? null : response.json();
}

function show(error) {
  $('error').textContent = error ? error.message : '';
  $('error').hidden = !error;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

async function loadApps() {
  const apps = await api('GET', '/apps');
  $('app-list').replaceChildren(...apps.map((app) => {
    const item = element('li', `${app.name} `, app.name === state.app ? 'selected' : '');
    if (app.latestDeployment) item.append(element('span', app.latestDeployment.status, app.latestDeployment.status));
    item.onclick = () => selectApp(app.name).catch(show);
    return item;
  }));
}

async function selectApp(name) {
  state.app = name;
  const app = await api('GET', '/apps/' + encodeURIComponent(name));
  $('app').hidden = false;
  $('app-title').textContent = app.name;
  const release = app.currentRelease;
  $('app-release').textContent = release
    ? `Current release: ${release.releaseImage} (deployment ${release.deploymentId}, ${when(release.deployedAt)})`
    : 'No release yet.';
  $('app-processes').replaceChildren(...app.processes.map((p) => {
    const item = element('li', `${p.type}: ${p.name} `);
    item.append(element('span', p.state, p.state === 'RUNNING' ? 'SUCCEEDED' : 'FAILED'));
    return item;
  }));
  await loadDeployments();
  await loadApps();
}

async function loadDeployments() {
  const deployments = await api('GET', `/apps/${encodeURIComponent(state.app)}/deployments`);
  $('deployments').replaceChildren(...deployments.map((d) => {
    const row = element('tr', null, 'clickable');
    const phases = element('td');
    d.phases.forEach((p) => phases.append(element('span', p.phase.toLowerCase() + ' ', p.status)));
    row.append(element('td', when(d.createdAt)), element('td', d.kind), element('td', d.status, d.status), phases,
      element('td', d.reason));
    row.append(actions(d));
    row.onclick = () => followLogs(d);
    return row;
  }));
}

function actions(deployment) {
  const cell = element('td');
  const action = (label, method, path, body) => {
    const button = element('button', label);
    button.onclick = (event) => {
      event.stopPropagation();
      api(method, path, body).then(() => selectApp(state.app)).catch(show);
    };
    cell.append(button);
  };
  if (deployment.status === 'QUEUED' || deployment.status === 'RUNNING') {
    action('cancel', 'POST', `/deployments/${deployment.id}/cancel`);
  } else if (deployment.status === 'FAILED' || deployment.status === 'CANCELLED') {
    action('retry', 'POST', `/deployments/${deployment.id}/retry`);
  } else if (deployment.status === 'SUCCEEDED') {
    action('roll back to', 'POST', `/apps/${encodeURIComponent(state.app)}/rollback`, { release: deployment.id });
  }
  return cell;
}

// Server-sent events over fetch: events are separated by a blank line; we use their data lines.
async function followLogs(deployment) {
  if (state.logs) state.logs.abort();
  state.logs = new AbortController();
  $('logs').hidden = false;
  $('logs-title').textContent = `${deployment.app} ${deployment.id}`;
  const out = $('log-lines');
  out.replaceChildren();
  try {
    const response = await fetch(`/api/v1/deployments/${deployment.id}/logs`, {
      headers: { Authorization: 'Bearer ' + token() },
      signal: state.logs.signal,
    });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, end).split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n');
        buffer = buffer.slice(end + 2);
        if (data) {
          const line = JSON.parse(data);
          out.append(element('span', `[${line.phase.toLowerCase()}] ${line.line}\n`, line.stream));
          out.scrollTop = out.scrollHeight;
        }
      }
    }
    out.append(element('span', '-- end of deployment --\n', 'SYSTEM'));
    await selectApp(state.app);
  } catch (error) {
    if (error.name !== 'AbortError') show(error);
  }
}

$('token-form').onsubmit = (event) => {
  event.preventDefault();
  localStorage.setItem('slipway-token', $('token').value.trim());
  $('token').value = '';
  show(null);
  loadApps().catch(show);
};

$('create-app').onsubmit = (event) => {
  event.preventDefault();
  api('POST', '/apps', { name: $('app-name').value })
    .then((app) => { $('app-name').value = ''; return selectApp(app.name); })
    .catch(show);
};

$('deploy').onsubmit = (event) => {
  event.preventDefault();
  const request = { image: $('image').value };
  if ($('timeout').value) request.taskTimeoutSeconds = Number($('timeout').value);
  api('POST', `/apps/${encodeURIComponent(state.app)}/deployments`, request)
    .then((deployment) => { show(null); followLogs(deployment); return loadDeployments(); })
    .catch(show);
};

if (token()) loadApps().catch(show);
