/** A raw HTTP/1.1 GET: absolute-form targets and headers fetch would not send (a foreign Host, say). */
import { request as httpRequest } from 'node:http';

export function raw(
  url: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method: 'GET', path: target, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The status of a GET of `path` on `url` sent with another `Host` header. */
export async function statusWithHost(url: string, path: string, host: string): Promise<number> {
  return (await raw(url, path, { host })).status;
}
