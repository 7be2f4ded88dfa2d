/// <reference path="./dynalite.d.ts" />
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { PlatformComponent } from '../component.ts';
import { amzTarget, type EdgeRequest } from '../edge/aws-service.ts';
import { close, closeGracefully, listen } from '../listen.ts';
import { REGION } from '../naming.ts';
import { inProcessDynalite } from './in-process-dynalite.ts';
import { jsonNestingDepth, MAX_REQUEST_NESTING } from './nesting-depth.ts';
import { requestUnitsMeter } from './request-units.ts';
import { tableAccess } from './table-access.ts';
import { tableDefinition } from './table-definition.ts';
import { throttledByFault } from './throttling.ts';

const tooDeep = (request: EdgeRequest) => jsonNestingDepth(request.body) > MAX_REQUEST_NESTING;

/** DynamoDB's answer to a document nested past its limit. */
const nestingRefused = async () => ({
  status: 400,
  headers: { 'content-type': 'application/x-amz-json-1.0' },
  body: JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#ValidationException',
    message: 'Nesting Levels have exceeded supported limits',
  }),
});

/**
 * DynamoDB: dynalite, reached through the edge (X-Amz-Target `DynamoDB_20120810.*` is handed to
 * its request handler unchanged, in process; its private port serves only the tables' creation).
 * Every table of the plan is created at start; with a data dir the tables live on disk under
 * `<dataDir>/dynamodb` and survive restarts. A function's call is refused what its grant lacks, and
 * a table with an injected fault is throttled. The request units each call would consume on AWS
 * are added up for the bench (`GET /_local/dynamodb/usage`).
 */
export const dynamodb: PlatformComponent = {
  name: 'dynamodb',
  async start({ plan, dataDir, faults, log }) {
    const path = dataDir ? join(dataDir, 'dynamodb') : undefined;
    if (path) await mkdir(path, { recursive: true });
    const server = dynalite({
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
      ...(path ? { path } : {}),
    });
    const port = await listen(server, 0, 'DynamoDB', 'none (an internal port)');
    const client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      for (const table of plan.tables) {
        const definition = tableDefinition(table);
        try {
          await client.send(new CreateTableCommand(definition));
        } catch (error) {
          if (!(error instanceof ResourceInUseException)) throw error;
          const { Table } = await client.send(
            new DescribeTableCommand({ TableName: definition.TableName }),
          );
          const kept = (Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort();
          const wanted = (definition.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort();
          if (kept.join() !== wanted.join()) {
            log(
              `dynamodb: table ${definition.TableName} in ${path} has indexes [${kept}] but its manifest declares [${wanted}]; delete the data dir to recreate it`,
            );
          }
        }
      }
    } catch (error) {
      await close(server);
      throw error;
    } finally {
      client.destroy();
    }
    const store = inProcessDynalite(server);
    const refusalOf = tableAccess(plan);
    const meter = requestUnitsMeter();
    return {
      services: [
        meter.route,
        {
          name: 'dynamodb',
          accepts: (request) => amzTarget(request.headers)?.prefix === 'DynamoDB_20120810',
          handle: async (request) => {
            if (tooDeep(request)) return nestingRefused();
            const refused = refusalOf(request) ?? throttledByFault(faults, request);
            if (refused) return refused;
            const answer = await store.call(request);
            meter.count(request, answer);
            return answer;
          },
        },
      ],
      // In-flight requests finish first: dynalite closes its store when its server closes.
      close: async () => {
        await store.drain();
        await closeGracefully(server);
      },
    };
  },
};
