/** Free TCP ports, for servers a test starts in another process (the CLI, a container on the host network). */
import { createServer } from 'node:net';

/** A port nothing listens on right now on 127.0.0.1. */
export function freePortOnLoopback(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
