import { ServiceManifest, type WorkflowSpec } from '@mytabs/contracts';
import { expect, it } from 'vitest';
import { localPlan } from '../../src/local-plan.ts';
import { createStepFunctions } from '../../src/stepfunctions/step-functions.ts';
import { fixtureRoot } from './step-functions-platform.ts';

/** The fixture service with one workflow of the test's choosing (its ASL files are fixtures). */
const withWorkflow = async (workflow: Partial<WorkflowSpec>) => {
  const manifest = ServiceManifest.parse({
    service: 'flow',
    functions: { double: { entry: 'src/handlers/double.ts' } },
    workflows: { Broken: { type: 'STANDARD', ...workflow } },
  });
  return createStepFunctions({
    stateMachines: localPlan([{ manifest, dir: `${fixtureRoot}/services/flow` }]).stateMachines,
    lambdaEndpoint: 'http://127.0.0.1:9',
    log: () => {},
  });
};

it('stops at a placeholder the manifest does not fill, naming it and its file', async () => {
  await expect(withWorkflow({ definition: 'workflows/unfilled.asl.json' })).rejects.toThrow(
    /services\/flow\/workflows\/unfilled\.asl\.json.*\$\{MissingFunctionArn\} is not filled/,
  );
});

it('stops at a substitution the definition does not use, or that names no function', async () => {
  await expect(
    withWorkflow({
      definition: 'workflows/hold.asl.json',
      substitutions: { DoubleFunctionArn: 'flow.double' },
    }),
  ).rejects.toThrow(/substitution DoubleFunctionArn is not used/);
  await expect(
    withWorkflow({
      definition: 'workflows/unfilled.asl.json',
      substitutions: { MissingFunctionArn: 'flow.nothing' },
    }),
  ).rejects.toThrow(/MissingFunctionArn: flow\.nothing is not a function of any manifest/);
});

it('stops at a definition that does not validate', async () => {
  await expect(
    withWorkflow({
      definition: 'workflows/invalid.asl.json',
      substitutions: { DoubleFunctionArn: 'flow.double' },
    }),
  ).rejects.toThrow(/invalid\.asl\.json.*State machine definition is invalid/s);
});

it('stops at a Task whose Resource is not a function ARN, which the engine would send to AWS', async () => {
  await expect(
    withWorkflow({
      definition: 'workflows/integration.asl.json',
      substitutions: { DoubleFunctionArn: 'flow.double' },
    }),
  ).rejects.toThrow(/state Call has Resource arn:aws:states:::lambda:invoke/);
});

it('stops at a DISTRIBUTED Map, which the engine would run inline without a word', async () => {
  await expect(
    withWorkflow({
      definition: 'workflows/distributed-map.asl.json',
      substitutions: { DoubleFunctionArn: 'flow.double' },
    }),
  ).rejects.toThrow(
    /distributed-map\.asl\.json.*Map state EachItem uses Mode DISTRIBUTED, which the local platform cannot run/,
  );
});

it('stops at a Map that reads its items or writes its results elsewhere, naming each', async () => {
  await expect(
    withWorkflow({
      definition: 'workflows/item-reader-map.asl.json',
      substitutions: { DoubleFunctionArn: 'flow.double' },
    }),
  ).rejects.toThrow(/Map state EachItem uses Mode DISTRIBUTED, ItemReader, ResultWriter/);
});
