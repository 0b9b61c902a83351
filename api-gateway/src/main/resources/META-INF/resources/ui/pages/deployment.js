// One deployment: its phases as a timeline that the logs stream's phase events move live, each with
// its output as it arrives, stdout and stderr told apart, following the tail.

import { call, enc } from '../api.js';
import { followLogs } from '../events.js';
import { h, fill, time, status, duration, shortId } from '../dom.js';

const CHANGES = { PREDEPLOY: 'committed to the release image', RELEASE: 'discarded', SETUP: 'discarded', POSTDEPLOY: 'discarded' };
const ACTIVE = ['QUEUED', 'RUNNING'];
const ENDED_PHASE = ['SUCCEEDED', 'FAILED', 'SKIPPED'];

export async function deploymentPage(view, ctx, id) {
  const path = `/api/v1/deployments/${enc(id)}`;
  let deployment = await ctx.run(() => call('GET', path, undefined, ctx.signal));
  if (!deployment) {
    fill(view, h('section', { class: 'card' }, h('h1', {}, `Deployment ${shortId(id)}`), h('a', { href: '#/apps' }, 'All apps')));
    return;
  }
  const phases = Object.fromEntries(deployment.phases.map((p) => [p.phase, { ...p }]));
  // The deployment's own phases, in the order the API lists them (the order they run), so a new phase shows unasked.
  const PHASES = deployment.phases.map((p) => p.phase);
  const summary = h('section', { class: 'card', id: 'summary' });
  const timeline = h('ol', { class: 'timeline', id: 'timeline' });
  const streamState = h('p', { class: 'hint', id: 'stream-state' }, 'Connecting to the log stream…');
  const outputs = Object.fromEntries(PHASES.map((phase) => [phase, h('pre', { class: 'log', id: `log-${phase}`, tabindex: 0 })]));
  const legend = h('p', { class: 'hint legend' }, 'Output: ', h('span', { class: 'STDOUT' }, 'stdout'), ' · ', h('span', { class: 'STDERR' }, 'stderr'), ' · ', h('span', { class: 'SYSTEM' }, 'slipway'));

  const drawSummary = () => {
    fill(
      summary,
      h('p', { class: 'crumbs' }, h('a', { href: '#/apps' }, 'Apps'), ' / ', h('a', { href: `#/apps/${enc(deployment.app)}` }, deployment.app), ' / ', shortId(deployment.id)),
      h('h1', {}, 'Deployment ', h('span', { class: 'mono' }, shortId(deployment.id)), ' ', h('span', { id: 'deployment-status' }, status(deployment.status))),
      h(
        'dl',
        {},
        h('dt', {}, 'kind'),
        h('dd', {}, deployment.kind.toLowerCase()),
        h('dt', {}, 'image'),
        h('dd', { class: 'mono' }, deployment.image || '—'),
        deployment.releaseImage ? [h('dt', {}, 'release image'), h('dd', { class: 'mono' }, deployment.releaseImage)] : null,
        h('dt', {}, 'created'),
        h('dd', {}, time(deployment.createdAt)),
        h('dt', {}, 'took'),
        h('dd', {}, duration(deployment.startedAt, deployment.finishedAt) || '—'),
        deployment.reason ? [h('dt', {}, 'reason'), h('dd', { id: 'deployment-reason', class: 'reason' }, deployment.reason)] : null,
      ),
      h('div', { class: 'row' }, actions()),
    );
  };

  const actions = () => {
    if (!ctx.may('deployer')) return null;
    if (ACTIVE.includes(deployment.status)) {
      return h('button', { type: 'button', id: 'cancel', class: 'danger', onclick: () => ctx.run(() => call('POST', `${path}/cancel`, undefined, ctx.signal)) }, 'Cancel');
    }
    if (['FAILED', 'CANCELLED'].includes(deployment.status)) {
      return h(
        'button',
        {
          type: 'button',
          id: 'retry',
          onclick: async () => {
            const retry = await ctx.run(() => call('POST', `${path}/retry`, undefined, ctx.signal));
            if (retry) ctx.go(`#/deployments/${enc(retry.id)}`);
          },
        },
        'Retry',
      );
    }
    return null;
  };

  const drawTimeline = () => {
    // Redrawing moves each phase's output into its new row, which resets its scroll: keep it.
    const scrolled = PHASES.map((phase) => [outputs[phase], atTail(outputs[phase]), outputs[phase].scrollTop]);
    fill(
      timeline,
      PHASES.filter((phase) => phases[phase]).map((phase) => {
        const p = phases[phase];
        return h(
          'li',
          { class: `phase ${p.status}`, dataset: { phase, status: p.status } },
          h('div', { class: 'phase-head' }, h('strong', {}, phase), ' ', status(p.status), ' ', h('span', { class: 'hint' }, duration(p.startedAt, p.finishedAt) || '')),
          p.command ? h('code', { class: 'command' }, p.command) : null,
          h(
            'div',
            { class: 'facts' },
            p.exitCode !== null && p.exitCode !== undefined ? h('span', { class: 'exit' }, `exit code ${p.exitCode}`) : null,
            CHANGES[phase] && p.status === 'SUCCEEDED' ? h('span', { class: 'changes' }, CHANGES[phase]) : null,
            CHANGES[phase] && p.status === 'FAILED' ? h('span', { class: 'changes' }, 'discarded') : null,
          ),
          p.reason ? h('p', { class: p.status === 'FAILED' ? 'reason' : 'hint' }, p.reason) : null,
          outputs[phase],
        );
      }),
    );
    scrolled.forEach(([pre, following, top]) => {
      pre.scrollTop = following ? pre.scrollHeight : top;
    });
  };

  fill(view, summary, h('section', { class: 'card', id: 'phases' }, h('h2', {}, 'Phases'), legend, streamState, timeline));
  drawSummary();
  drawTimeline();

  const refresh = async () => {
    const latest = await ctx.run(() => call('GET', path, undefined, ctx.signal));
    if (latest) {
      deployment = latest;
      latest.phases.forEach((p) => {
        phases[p.phase] = { ...p };
      });
      drawSummary();
      drawTimeline();
    }
    return latest;
  };

  await followLogs(
    id,
    {
      line: (event) => {
        append(outputs[event.phase], event);
        streamState.textContent = 'Live.';
      },
      phase: (event) => {
        const p = phases[event.phase] || (phases[event.phase] = { phase: event.phase });
        p.status = event.status;
        if (event.command) p.command = event.command;
        if (event.exitCode !== null && event.exitCode !== undefined) p.exitCode = event.exitCode;
        if (event.reason) p.reason = event.reason;
        if (event.status === 'RUNNING') p.startedAt = p.startedAt || event.at;
        if (ENDED_PHASE.includes(event.status)) p.finishedAt = event.at;
        if (deployment.status === 'QUEUED') {
          deployment.status = 'RUNNING';
          drawSummary();
        }
        drawTimeline();
        streamState.textContent = 'Live.';
      },
      end: async () => {
        const latest = await refresh();
        const running = latest && ACTIVE.includes(latest.status);
        streamState.textContent = running ? 'Reconnecting…' : 'The deployment has ended.';
        return running;
      },
      problem: (error) => {
        streamState.textContent = 'The log stream stopped.';
        ctx.show(error);
      },
      reconnecting: (attempt) => {
        streamState.textContent = `Connection lost; resuming (attempt ${attempt})…`;
      },
    },
    ctx.signal,
  );
}

/** Appends a line; keeps following the tail unless the reader scrolled up. */
function append(pre, event) {
  if (!pre) return;
  const atBottom = atTail(pre);
  pre.append(h('span', { class: `line ${event.stream}`, title: event.stream.toLowerCase() }, event.line), '\n');
  if (atBottom) pre.scrollTop = pre.scrollHeight;
}

function atTail(pre) {
  return pre.scrollHeight - pre.scrollTop - pre.clientHeight < 8;
}
