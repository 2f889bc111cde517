/**
 * How the node:http door writes an answer: a `MockResponse` as JSON, and the refusals made before
 * any routing (in the server's own `{error, message}` shape, not a provider's).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { MockResponse } from '../../core/index.js';

/** Writes `response` (JSON body, or none); `closing`: the connection ends after it. */
export function send(res: ServerResponse, response: MockResponse, head: boolean, closing = false): void {
  if (response.drop) {
    // An injected fault: close the connection without a status line.
    res.socket?.destroy();
    return;
  }
  // One flat [name, value, …] list, no copy of the response's headers object (they may be shared).
  const headers: (string | number)[] = [];
  const own = response.headers;
  const json = response.body !== undefined;
  if (own !== undefined) {
    for (const name in own) {
      // With a JSON body the door sets the content type itself.
      if (json && name.length === 12 && name.toLowerCase() === 'content-type') continue;
      headers.push(name, own[name] as string);
    }
  }
  let payload: string | undefined;
  if (json) {
    payload = JSON.stringify(response.body);
    headers.push('content-type', 'application/json; charset=utf-8', 'content-length', Buffer.byteLength(payload));
  } else {
    headers.push('content-length', 0);
  }
  // While the server closes, answers end their connection so close() need not wait for idle sockets.
  if (closing) headers.push('connection', 'close');
  res.writeHead(response.status, headers as unknown as string[]);
  res.end(head ? undefined : payload);
}

/** `GET /healthz`: 200 `{"status":"ok"}`; other methods 405. */
export function healthz(method: string): MockResponse {
  if (method !== 'GET' && method !== 'HEAD') {
    return {
      status: 405,
      headers: { allow: 'GET, HEAD' },
      body: { error: 'method_not_allowed', message: '/healthz answers GET and HEAD.' },
    };
  }
  return { status: 200, body: { status: 'ok' } };
}

/** `Expect` other than 100-continue (which Node answers itself): refused in JSON, not a bare 417. */
export function refuseExpectation(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  send(
    res,
    { status: 417, body: { error: 'expectation_failed', message: 'Only Expect: 100-continue is supported.' } },
    req.method === 'HEAD',
    true,
  );
}

/** A raw answer on a socket Node has not made a request of, then the end of the connection. */
function endSocket(socket: Duplex, status: string, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

/** CONNECT is what an HTTPS proxy receives; this server is not one (plain-HTTP proxying works). */
export function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  endSocket(socket, '501 Not Implemented', {
    error: 'connect_not_supported',
    message:
      'authflow-mocks is not an HTTPS proxy: CONNECT is refused. Call http://<this server>/<real host>/<path>, or proxy plain http:// URLs through it.',
  });
}

/** A request Node could not read (too large a head, too slow, not HTTP). */
export function refuseUnreadable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, why] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['431 Request Header Fields Too Large', 'request_header_fields_too_large', 'its headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['408 Request Timeout', 'request_timeout', 'it did not arrive in time']
        : ['400 Bad Request', 'bad_request', 'it is not valid HTTP'];
  endSocket(socket, status, { error: code, message: `The HTTP request could not be read: ${why}.` });
}
