// Follows the API's event streams (text/event-stream) with fetch, because the browser's EventSource
// cannot send the Authorization header the API needs. A stream is parsed as the HTML standard's
// event-stream format (fields event, data, id; a blank line ends an event), and a dropped connection
// is resumed with Last-Event-ID, as EventSource would do.

import { failure, session } from './api.js';

const RETRY_MS = [500, 1000, 2000, 4000, 8000];

/**
 * Follows the stream at path (or at path(lastId) when a function, for streams resumed otherwise
 * than by Last-Event-ID). handlers: event({name, id, data}) with data parsed, problem(ApiError),
 * reconnecting(attempt), and end(), which answers (maybe asynchronously) whether what the stream
 * follows still goes on: a stream that a proxy or a restart closed early is then resumed too.
 * Resolves when the stream is over or the signal aborts.
 */
export async function followStream(path, handlers, signal) {
  let lastId = null;
  let failures = 0;
  for (;;) {
    try {
      const response = await fetch(typeof path === 'function' ? path(lastId) : path, {
        signal,
        headers: {
          Accept: 'text/event-stream',
          Authorization: `Bearer ${session.token()}`,
          ...(lastId === null ? {} : { 'Last-Event-ID': lastId }),
        },
      });
      if (!response.ok) {
        handlers.problem(await failure(response));
        return;
      }
      failures = 0;
      await read(response.body, (event) => {
        if (event.id !== null) lastId = event.id;
        handlers.event({ ...event, data: JSON.parse(event.data) });
      });
      if (!(await handlers.end())) return;
      throw new Error('the stream ended early');
    } catch (e) {
      if (signal.aborted) return;
      if (failures >= RETRY_MS.length) {
        handlers.problem({ problem: { title: 'The stream was lost', detail: e.message } });
        return;
      }
      handlers.reconnecting(failures + 1);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[failures++]));
    }
  }
}

/** A deployment's logs stream: handlers line(event) and phase(event) besides those of followStream. */
export function followLogs(deploymentId, handlers, signal) {
  return followStream(
    `/api/v1/deployments/${encodeURIComponent(deploymentId)}/logs`,
    {
      ...handlers,
      event: (event) => (event.name === 'phase' ? handlers.phase(event.data) : handlers.line(event.data)),
    },
    signal,
  );
}

async function read(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = blank();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (event.data.length) dispatch({ name: event.name, id: event.id, data: event.data.join('\n') });
        event = blank();
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') event.data.push(value);
        else if (field === 'event') event.name = value;
        else if (field === 'id') event.id = value;
      }
    }
  }
}

function blank() {
  return { name: null, id: null, data: [] };
}
