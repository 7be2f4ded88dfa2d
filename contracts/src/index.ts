export * from './events/catalog.ts';
export * from './events/define-event.ts';
export * from './events/metadata.ts';
export * from './ids.ts';
export * from './manifest/check-manifests.ts';
export * from './manifest/service-manifest.ts';
export * from './money.ts';
export * from './stripe-api-version.ts';
