import { request as httpRequest } from 'node:http';
import type { EdgeRequest, EdgeResponse } from './aws-service.ts';

/** Hop-by-hop headers: they describe one connection, so a proxy never passes them on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

/**
 * Hands an edge request, unchanged, to a server on another local port (dynalite, the SES
 * emulator) and returns its answer, for the services whose emulator speaks the protocol itself.
 */
export const forward = (request: EdgeRequest, port: number) =>
  new Promise<EdgeResponse>((resolve, reject) => {
    const query = request.query.toString();
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: query ? `${request.path}?${query}` : request.path,
        headers: request.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value === undefined || HOP_BY_HOP.has(name)) continue;
            headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: response.statusCode ?? 502, headers, body: Buffer.concat(chunks) });
        });
      },
    );
    upstream.on('error', reject);
    upstream.end(request.body);
  });
