export * from './config.ts';
export * from './mytabs-app.ts';
export * from './names.ts';
