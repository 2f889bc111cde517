// The ceiling: a bare node:http server answering a constant JSON to any request (the body of a
// POST is read first, as a real server would). Prints `listening <port>` once ready.
import { createServer } from 'node:http';

const payload = JSON.stringify({ access_token: 'x'.repeat(43), token_type: 'Bearer', expires_in: 3600 });
const length = Buffer.byteLength(payload);
const server = createServer((req, res) => {
  const answer = () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': length });
    res.end(payload);
  };
  if (req.method === 'GET') {
    req.resume();
    answer();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks);
    answer();
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
