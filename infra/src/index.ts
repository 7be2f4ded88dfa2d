export * from './config.ts';
export * from './mytabs-app.ts';
