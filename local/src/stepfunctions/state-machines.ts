import './promise-with-resolvers.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { ACCOUNT, functionArn, functionName, stateMachineArn } from '../naming.ts';
import { fillSubstitutions } from './definition-substitutions.ts';
import { lambdaTaskStates } from './lambda-task-states.ts';

/** One state machine per manifest workflow, built from the same ASL file the CDK deploys. */
export interface LocalStateMachine {
  arn: string;
  name: string;
  /** The service that owns the workflow: its Task states invoke functions as this service. */
  service: string;
  type: 'STANDARD' | 'EXPRESS';
  /** The ASL text with every substitution filled, as DescribeStateMachine returns it. */
  definition: string;
  roleArn: string;
  /** Epoch milliseconds. */
  creationDate: number;
  engine: StateMachine;
  /** Task state name -> the function ARN it invokes. */
  lambdaTasks: ReadonlyMap<string, string>;
}

const nameOf = (arn: string) => arn.slice(arn.lastIndexOf(':') + 1);

/**
 * Read, fill and validate every workflow of the manifests. Any problem (an unfilled placeholder, a
 * substitution naming no function, an invalid definition) throws with the file it is in, so
 * `npm start` stops with a message instead of running a workflow that would fail later.
 */
export const loadStateMachines = async (
  manifests: readonly LoadedManifest[],
  now = Date.now(),
): Promise<LocalStateMachine[]> => {
  const functionArns = new Map<string, string>();
  for (const { manifest } of manifests) {
    for (const fn of Object.keys(manifest.functions)) {
      functionArns.set(
        `${manifest.service}.${fn}`,
        functionArn(functionName(manifest.service, fn)),
      );
    }
  }
  const machines: LocalStateMachine[] = [];
  for (const { manifest, dir } of manifests) {
    for (const [workflow, spec] of Object.entries(manifest.workflows)) {
      const where = `services/${manifest.service}/${spec.definition} (workflow ${workflow})`;
      const values: Record<string, string> = {};
      for (const [placeholder, ref] of Object.entries(spec.substitutions)) {
        const arn = functionArns.get(ref);
        if (!arn) {
          throw new Error(
            `${where}: substitution ${placeholder} names ${ref}, no manifest function`,
          );
        }
        values[placeholder] = arn;
      }
      const text = fillSubstitutions(
        await readFile(join(dir, spec.definition), 'utf8'),
        values,
        where,
      );
      let definition: StateMachineDefinition;
      try {
        definition = JSON.parse(text) as StateMachineDefinition;
      } catch (error) {
        throw new Error(`${where}: not valid JSON: ${(error as Error).message}`);
      }
      let engine: StateMachine;
      try {
        engine = new StateMachine(definition);
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
      // Once validated: this sets Task defaults in the definition object the engine runs.
      const lambdaTasks = lambdaTaskStates(definition, where);
      const arn = stateMachineArn(manifest.service, workflow);
      machines.push({
        arn,
        name: nameOf(arn),
        service: manifest.service,
        type: spec.type,
        definition: text,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/${nameOf(arn)}-role`,
        creationDate: now,
        engine,
        lambdaTasks,
      });
    }
  }
  return machines;
};
