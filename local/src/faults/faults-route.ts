import { PROBLEM_CONTENT_TYPE, type Problem } from '@mytabs/contracts/api/problem';
import type { AwsService, EdgeResponse } from '../edge/aws-service.ts';
import { FaultSpec } from './fault-spec.ts';
import { fieldErrors, type LocalFaults, UnknownFaultTarget } from './local-faults.ts';

export const FAULTS_PATH = '/_local/faults';

const json = (status: number, body: unknown): EdgeResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const problem = (body: Problem): EdgeResponse => ({
  status: body.status,
  headers: { 'content-type': PROBLEM_CONTENT_TYPE },
  body: JSON.stringify(body),
});

const invalid = (errors: Problem['errors']) =>
  problem({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'The fault is not one the platform can inject; nothing was set.',
    errors,
  });

/**
 * Fault injection on the edge (local only): `POST /_local/faults` sets one (see FaultSpec),
 * `GET` lists those in force, `DELETE /_local/faults[/<id>]` ends them early.
 */
export const faultsRoute = (faults: LocalFaults): AwsService => ({
  name: 'faults',
  accepts: (request) => request.path === FAULTS_PATH || request.path.startsWith(`${FAULTS_PATH}/`),
  async handle(request) {
    const id = request.path.slice(FAULTS_PATH.length + 1);
    if (request.method === 'GET' && !id) return json(200, { Faults: faults.active() });
    if (request.method === 'DELETE') {
      if (!id) {
        faults.clear();
        return { status: 204 };
      }
      return faults.remove(decodeURIComponent(id))
        ? { status: 204 }
        : problem({
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            detail: `No fault ${id} is in force.`,
          });
    }
    if (request.method !== 'POST' || id) {
      return problem({
        type: 'about:blank',
        title: 'Method Not Allowed',
        status: 405,
        detail: `${FAULTS_PATH} takes GET, POST and DELETE; ${FAULTS_PATH}/<id> takes DELETE.`,
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      return invalid([{ path: '(body)', message: 'not JSON' }]);
    }
    const spec = FaultSpec.safeParse(body);
    if (!spec.success) return invalid(fieldErrors(spec.error));
    try {
      return json(201, faults.add(spec.data));
    } catch (error) {
      if (error instanceof UnknownFaultTarget) {
        return invalid([{ path: error.path, message: error.message }]);
      }
      throw error;
    }
  },
});
