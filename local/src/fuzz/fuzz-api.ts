import { ListExecutionsCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import fc from 'fast-check';
import { credentialsFor, REGION } from '../naming.ts';
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

/** What the archive holds: a refused request must not add to it. */
const archived = async (local: RepoPlatform) => {
  const response = await fetch(`${local.endpoints.edge}/_local/eventbridge/events`);
  return ((await response.json()) as { Events: { source: string }[] }).Events;
};
const archivedCount = async (local: RepoPlatform) => (await archived(local)).length;

const runningExecutions = async (sfn: SFNClient) => {
  const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
  let running = 0;
  for (const { stateMachineArn } of stateMachines) {
    const { executions = [] } = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }),
    );
    running += executions.length;
  }
  return running;
};

/**
 * Waits until no workflow runs and the archive has stopped growing: what an accepted request
 * sets going (a canceled payment's events, a whole event's cancellation) lands before the next
 * request, which is then judged alone.
 */
const settled = async (local: RepoPlatform, sfn: SFNClient, quietMs: number) => {
  let count = await archivedCount(local);
  let quietSince = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await archivedCount(local);
    if (now !== count) quietSince = Date.now();
    count = now;
    if (Date.now() - quietSince >= quietMs && (await runningExecutions(sfn)) === 0) return;
  }
};

class BrokenRule extends Error {}

/** The rules every answer keeps, whatever was asked: the first one broken, or none. */
const brokenRule = (
  request: FuzzRequest,
  status: number,
  contentType: string,
  text: string,
  published: number,
) => {
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
  if (published > 0) return `answered ${status} yet its service published ${published} events`;
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
 * problem+json, and nothing published by a refused request's service.
 */
export const fuzzApi = async (
  local: RepoPlatform,
  world: FuzzWorld,
  options: { runs: number; seed?: number; onProgress?: (done: number) => void },
): Promise<FuzzReport> => {
  const operations = documentedOperations(repoRoot);
  const sfn = new SFNClient({
    endpoint: local.endpoints.edge,
    region: REGION,
    credentials: credentialsFor('ops'),
  });
  const statuses: Record<string, number> = {};
  let requests = 0;
  const send = async (request: FuzzRequest) => {
    const before = await archivedCount(local);
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
    // Scheduled scans publish at any moment: only the operation's own service's events count.
    const published =
      status >= 400
        ? (await archived(local))
            .slice(before)
            .filter((e) => e.source === `mytabs.${request.operation.service}`).length
        : 0;
    // A request that published starts chains of consumers (a cancellation's refunds void tickets
    // after its workflow ends): their events need a longer quiet spell to be all in.
    if (status < 400) {
      await settled(local, sfn, (await archivedCount(local)) > before ? 2_000 : 300);
    }
    const broken = brokenRule(
      request,
      status,
      response.headers.get('content-type') ?? '',
      text,
      published,
    );
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
