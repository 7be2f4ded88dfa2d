export * from './arns.ts';
export * from './bundling.ts';
export * from './definition-substitutions.ts';
export * from './plan.ts';
export * from './resolve-plan.ts';
export * from './rule-pattern.ts';
export * from './stage-names.ts';
