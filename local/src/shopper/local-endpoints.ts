/** Where `npm start` serves, from the same variables it reads (defaults otherwise). */
export const localEndpoints = (env: NodeJS.ProcessEnv = process.env) => {
  const at = (variable: string, port: number) => `http://127.0.0.1:${env[variable] || port}`;
  return {
    api: at('MYTABS_API_PORT', 3000),
    stripe: at('MYTABS_STRIPE_PORT', 12111),
    ses: at('MYTABS_SES_PORT', 8005),
    edge: at('MYTABS_EDGE_PORT', 4566),
  };
};
