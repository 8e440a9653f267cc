/**
 * Minimal HTTP front for tests: POST /admin with a JSON body → `database.handle(body)`.
 * (The full emulator server routes `database.*` the same way.)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from './index';

export interface DbTestServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startDbTestServer(db: Database): Promise<DbTestServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        let out: Record<string, unknown>;
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
          out = await db.handle(body);
        } catch (e) {
          out = { code: 'INVALID_PARAM', message: String(e) };
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(out));
      })();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/admin`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
