import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { everyState } from './every-state.ts';

/**
 * What a Map state may ask that aws-local-stepfunctions does not do: it would run a DISTRIBUTED
 * Map inline and ignore the rest, which is running a different workflow, not the same one slower.
 */
const UNSUPPORTED_MAP_FIELDS = [
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'Label',
] as const;

/**
 * Refuses a definition with a Map the local engine cannot run as AWS does, naming the state and
 * what it uses. Inline Maps (ItemsPath, ItemProcessor or Iterator, ItemSelector or Parameters,
 * MaxConcurrency) run.
 */
export const refuseUnsupportedStates = (definition: StateMachineDefinition, where: string) => {
  for (const [name, state] of everyState(definition.States)) {
    if (state.Type !== 'Map') continue;
    const fields = state as unknown as Record<string, unknown>;
    const processor = fields.ItemProcessor as { ProcessorConfig?: { Mode?: string } } | undefined;
    const used = [
      ...(processor?.ProcessorConfig?.Mode === 'DISTRIBUTED' ? ['Mode DISTRIBUTED'] : []),
      ...UNSUPPORTED_MAP_FIELDS.filter((field) => field in fields),
    ];
    if (used.length > 0) {
      throw new Error(
        `${where}: Map state ${name} uses ${used.join(', ')}, which the local platform cannot run (aws-local-stepfunctions runs inline Maps only: ItemsPath, ItemProcessor, ItemSelector, MaxConcurrency). Use an inline Map, or run this workflow on AWS.`,
      );
    }
  }
};
