import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { EdgeRequest, EdgeResponse } from '../edge/aws-service.ts';

type RequestListener = (req: unknown, res: unknown) => void;

/**
 * Hands an edge request to dynalite's own request handler in this process, without the second
 * HTTP hop (a loopback TCP connection, a request written and parsed again, its answer too) that
 * forwarding to its port costs on every DynamoDB call. dynalite reads only the request's method,
 * URL, headers and body events, and answers through statusCode, setHeader and end.
 */
export const inProcessDynalite = (server: Server) => {
  const [handler] = server.listeners('request') as RequestListener[];
  if (!handler) throw new Error('dynalite has no request handler to call');
  const inFlight = new Set<Promise<EdgeResponse>>();

  const call = (request: EdgeRequest): Promise<EdgeResponse> => {
    const answer = new Promise<EdgeResponse>((resolve) => {
      const req = Object.assign(new EventEmitter(), {
        method: request.method,
        url: request.path,
        headers: request.headers,
      });
      const headers: Record<string, string> = {};
      const res = {
        statusCode: 200,
        setHeader: (name: string, value: string | number) => {
          headers[name.toLowerCase()] = String(value);
        },
        end: (body?: string | Buffer) =>
          resolve({ status: res.statusCode, headers, body: body ?? '' }),
      };
      handler(req, res);
      if (request.body.length > 0) req.emit('data', request.body);
      req.emit('end');
    });
    inFlight.add(answer);
    void answer.finally(() => inFlight.delete(answer));
    return answer;
  };

  /** Waits for the calls under way, so the store is not closed under them. */
  const drain = () => Promise.allSettled([...inFlight]);
  return { call, drain };
};
