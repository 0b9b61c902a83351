// Manifest check: app.json and Procfile as a deployment would read them, with every warning and
// error at its line and column.

import { ApiError, call } from '../api.js';
import { h, fill } from '../dom.js';

export function manifestPage(view, ctx) {
  const appJson = h('textarea', { id: 'app-json', name: 'appJson', rows: 12, spellcheck: 'false', placeholder: '{"scripts": {"dokku": {"predeploy": "..."}}}' });
  const procfile = h('textarea', { id: 'procfile', name: 'procfile', rows: 12, spellcheck: 'false', placeholder: 'web: ./serve\nrelease: ./migrate' });
  const result = h('section', { class: 'card', id: 'manifest-result', hidden: true });
  fill(
    view,
    h(
      'section',
      { class: 'card' },
      h('h1', {}, 'Manifest check'),
      h('p', { class: 'hint' }, 'Paste the files as they are in the image or build context; an empty one means absent.'),
      h(
        'form',
        {
          id: 'manifest-form',
          onsubmit: async (e) => {
            e.preventDefault();
            ctx.clear();
            try {
              const report = await call('POST', '/api/v1/manifests/validate', { appJson: appJson.value, procfile: procfile.value }, ctx.signal);
              showReport(result, report);
            } catch (error) {
              if (error instanceof ApiError && error.status === 422 && Array.isArray(error.problem.errors)) showErrors(result, error.problem);
              else if (error.name !== 'AbortError') ctx.show(error);
            }
          },
        },
        h('div', { class: 'grid two' }, h('label', { class: 'stack' }, 'app.json', appJson), h('label', { class: 'stack' }, 'Procfile', procfile)),
        h('button', { type: 'submit' }, 'Check'),
      ),
    ),
    result,
  );
}

function issues(list, kind) {
  return h(
    'ul',
    { class: `issues ${kind}` },
    list.map((issue) =>
      h(
        'li',
        { class: 'issue' },
        h('span', { class: 'where mono' }, [issue.file, issue.line ? `line ${issue.line}` : null, issue.column ? `column ${issue.column}` : null].filter(Boolean).join(', ')),
        issue.path ? h('code', {}, issue.path) : null,
        ' ',
        h('span', { class: 'message' }, issue.message),
      ),
    ),
  );
}

function showReport(result, report) {
  const tasks = Object.entries(report.tasks);
  const processes = Object.entries(report.processes);
  fill(
    result,
    h('h2', { class: 'ok' }, 'The manifests are valid'),
    h('h3', {}, 'Tasks'),
    h('table', { id: 'tasks' }, h('tbody', {}, tasks.map(([task, command]) => h('tr', {}, h('th', {}, task), h('td', { class: 'mono' }, command ?? h('span', { class: 'hint' }, 'skipped')))))),
    h('h3', {}, 'Processes'),
    processes.length
      ? h('table', { id: 'processes' }, h('tbody', {}, processes.map(([name, command]) => h('tr', {}, h('th', {}, name), h('td', { class: 'mono' }, command)))))
      : h('p', { class: 'hint' }, 'No Procfile entries: web runs the image’s own command.'),
    h('h3', {}, 'Warnings'),
    report.warnings.length ? issues(report.warnings, 'warnings') : h('p', { class: 'hint' }, 'None.'),
  );
  result.hidden = false;
}

function showErrors(result, problem) {
  fill(result, h('h2', { class: 'bad' }, problem.title || 'The manifests have errors'), problem.detail ? h('p', {}, problem.detail) : null, issues(problem.errors, 'errors'));
  result.hidden = false;
}
