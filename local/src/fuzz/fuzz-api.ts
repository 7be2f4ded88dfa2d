import fc from 'fast-check';
import type { RepoPlatform } from '../testing/repo-platform.ts';
import { repoRoot } from '../testing/repo-platform.ts';
import { documentedOperations } from './api-document.ts';
import { type FuzzRequest, type FuzzWorld, fuzzRequest } from './fuzz-request.ts';

export interface FuzzReport {
  requests: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** Requests by operation and by kind of caller. */
  operations: number;
  callers: number;
  /** The first request that broke a rule, shrunk, and the rule; absent when none did. */
  failure?: { rule: string; request: string; seed: number; path?: string };
  seed: number;
}

class BrokenRule extends Error {}

/** The rules every answer keeps, whatever was asked: the first one broken, or none. */
const brokenRule = (request: FuzzRequest, status: number, contentType: string, text: string) => {
  if (status >= 500) return `answered ${status}`;
  if (!request.operation.statuses.has(status))
    return `answered ${status}, which it does not document`;
  if (status < 400) return undefined;
  // The WAF's body-limit answer (and the local one) can only be application/json.
  const problemType =
    status === 413 ? /^application\/(problem\+)?json/ : /^application\/problem\+json/;
  if (!problemType.test(contentType)) return `answered ${status} as ${contentType}`;
  try {
    if ((JSON.parse(text) as { status?: unknown }).status !== status) {
      return `answered ${status} with another status in its problem document`;
    }
  } catch {
    return `answered ${status} with a body that is not JSON`;
  }
  return undefined;
};

const describe = (request: FuzzRequest) =>
  JSON.stringify({
    operation: request.operation.operationId,
    caller: request.caller,
    method: request.operation.method,
    target: request.target.slice(0, 300),
    headers: { ...request.headers, authorization: undefined },
    body: request.body?.slice(0, 500),
  });

/**
 * Sends `runs` generated requests across every operation of the OpenAPI document, one at a
 * time, and checks each answer: never 5xx, only statuses the document lists, errors as
 * problem+json.
 */
export const fuzzApi = async (
  local: RepoPlatform,
  world: FuzzWorld,
  options: { runs: number; seed?: number; onProgress?: (done: number) => void },
): Promise<FuzzReport> => {
  const operations = documentedOperations(repoRoot);
  const statuses: Record<string, number> = {};
  let requests = 0;
  const send = async (request: FuzzRequest) => {
    const response = await fetch(`${local.endpoints.api}${request.target}`, {
      method: request.operation.method,
      headers: request.headers,
      ...(request.operation.method !== 'GET' &&
        request.body !== undefined && { body: request.body }),
    });
    const text = await response.text();
    const status = response.status;
    requests += 1;
    statuses[status] = (statuses[status] ?? 0) + 1;
    options.onProgress?.(requests);
    const broken = brokenRule(request, status, response.headers.get('content-type') ?? '', text);
    if (broken) throw new BrokenRule(broken);
  };
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const arbitrary = fc.constantFrom(...operations).chain((op) => fuzzRequest(world, op));
  const result = await fc.check(fc.asyncProperty(arbitrary, send), {
    numRuns: options.runs,
    seed,
    endOnFailure: false,
  });
  const report: FuzzReport = {
    requests,
    statuses,
    operations: operations.length,
    callers: world.callers.length,
    seed,
  };
  if (result.failed && result.counterexample) {
    const [request] = result.counterexample;
    report.failure = {
      rule: (result.errorInstance as Error)?.message ?? String(result.errorInstance),
      request: describe(request),
      seed: result.seed,
      ...(result.counterexamplePath && { path: result.counterexamplePath }),
    };
  }
  return report;
};
