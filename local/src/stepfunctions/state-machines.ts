import type { StateMachinePlan } from '@mytabs/plan';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { ACCOUNT } from '../naming.ts';
import { lambdaTaskStates } from './lambda-task-states.ts';
import { refuseUnsupportedStates } from './unsupported-states.ts';

/** One state machine per workflow of the plan: the definition the CDK deploys. */
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

/**
 * Validate every state machine of the plan (its definition already filled) and build its engine.
 * Any problem (an invalid definition, a Task the engine would send elsewhere) throws with the
 * workflow it is in, so `npm start` stops with a message instead of running a workflow that would
 * fail later.
 */
export const loadStateMachines = (
  stateMachines: readonly StateMachinePlan[],
  now = Date.now(),
): LocalStateMachine[] =>
  stateMachines.map((planned) => {
    const where = `${planned.source} (workflow ${planned.workflow})`;
    let definition: StateMachineDefinition;
    try {
      definition = JSON.parse(planned.definition) as StateMachineDefinition;
    } catch (error) {
      throw new Error(`${where}: not valid JSON: ${(error as Error).message}`);
    }
    let engine: StateMachine;
    try {
      engine = new StateMachine(definition);
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`);
    }
    refuseUnsupportedStates(definition, where);
    // Once validated: this sets Task defaults in the definition object the engine runs.
    const lambdaTasks = lambdaTaskStates(definition, where);
    return {
      arn: planned.arn,
      name: planned.name,
      service: planned.service,
      type: planned.type,
      definition: planned.definition,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${planned.name}-role`,
      creationDate: now,
      engine,
      lambdaTasks,
    };
  });
