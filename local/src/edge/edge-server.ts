import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { MalformedRequestTarget, parseRequestTarget } from '../request-target.ts';
import type { AwsService, EdgeRequest, EdgeResponse } from './aws-service.ts';

export interface EdgeServerOptions {
  services: readonly AwsService[];
  /** Answers `GET /health`: 200 once the whole platform is ready, 503 before. */
  isReady: () => boolean;
  /** Listed by `GET /health`: the faults injected and still in force. */
  activeFaults?: () => readonly object[];
  log: (line: string) => void;
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const send = (res: ServerResponse, response: EdgeResponse) => {
  res.writeHead(response.status, response.headers);
  res.end(response.body);
};

/**
 * The one AWS endpoint (`AWS_ENDPOINT_URL`): reads each request and hands it to the first service
 * that claims it. What no service claims gets AWS's answer to an unknown operation, never a hang.
 */
export const createEdgeServer = ({ services, isReady, activeFaults, log }: EdgeServerOptions) =>
  createServer(async (req, res) => {
    try {
      const url = parseRequestTarget(req.url ?? '/');
      const request: EdgeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: await readBody(req),
      };
      if (request.method === 'GET' && request.path === '/health') {
        const ready = isReady();
        return send(res, {
          status: ready ? 200 : 503,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            status: ready ? 'ready' : 'starting',
            faults: activeFaults?.() ?? [],
          }),
        });
      }
      const service = services.find((s) => s.accepts(request));
      if (!service) {
        return send(res, {
          status: 400,
          headers: {
            'content-type': 'application/json',
            'x-amzn-errortype': 'UnknownOperationException',
          },
          body: JSON.stringify({
            __type: 'UnknownOperationException',
            message: `No local service answers ${request.method} ${request.path}`,
          }),
        });
      }
      send(res, await service.handle(request));
    } catch (error) {
      const requestId = randomUUID();
      if (error instanceof MalformedRequestTarget) {
        return send(res, {
          status: 400,
          headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
          body: JSON.stringify({ __type: 'InvalidRequestException', message: error.message }),
        });
      }
      log(`edge: internal error (request ${requestId}): ${(error as Error).stack ?? error}`);
      if (!res.headersSent) {
        send(res, {
          status: 500,
          headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
          body: JSON.stringify({ __type: 'InternalFailure', message: (error as Error).message }),
        });
      } else {
        res.end();
      }
    }
  });
