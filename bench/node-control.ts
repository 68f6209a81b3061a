/**
 * The ceiling for the rows of `npm run bench` that Newsdesk answers before
 * routing (page-cache hits and view beacons): a bare `node:http` server on
 * as many workers, giving back recorded answers with no work at all. The
 * file named by ANSWERS holds, for GET and for POST, the status, headers and
 * body Newsdesk gave; every GET gets the first, every POST the second. PORT,
 * WORKERS and ANSWERS come from the environment; SIGTERM stops it.
 */
import fs from 'node:fs';
import http from 'node:http';
import { controlPort, forkControlWorkers } from './control-workers.js';

export interface RecordedAnswer {
  status: number;
  /** Name, value, name, value... as Newsdesk sent them (without date, connection or content-length). */
  headers: string[];
  /** The body, base64. */
  body: string;
}

if (!forkControlWorkers()) {
  const recorded = JSON.parse(fs.readFileSync(process.env.ANSWERS!, 'utf8')) as {
    get: RecordedAnswer;
    post: RecordedAnswer;
  };
  const answers = Object.fromEntries(
    Object.entries(recorded).map(([method, answer]) => {
      const body = Buffer.from(answer.body, 'base64');
      return [
        method,
        { ...answer, body, headers: [...answer.headers, 'content-length', String(body.length)] },
      ];
    }),
  );
  const server = http.createServer((request, response) => {
    const answer = request.method === 'POST' ? answers.post! : answers.get!;
    // A beacon's request has no body to read; a GET neither.
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
  server.keepAliveTimeout = 72_000;
  server.listen(controlPort, '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}
