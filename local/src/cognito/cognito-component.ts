import type { PlatformComponent } from '../component.ts';
import { startCognito } from './cognito.ts';

/** Cognito (cognito-local) as a platform component: its pools and ids are printed at start. */
export const cognito: PlatformComponent = {
  name: 'cognito',
  async start(context) {
    const running = await startCognito({
      pool: context.plan.userPool,
      edgeUrl: context.edgeUrl,
      dataDir: context.dataDir,
      log: context.log,
    });
    for (const pool of running.pools) {
      const clients = pool.clients.map((c) => `${c.name}=${c.id}`).join(', ');
      context.log(`cognito: user pool ${pool.name} id ${pool.id}, clients ${clients}`);
    }
    return {
      services: [running.service],
      endpoints: Object.fromEntries(running.pools.map((p) => [`issuer ${p.name}`, p.issuer])),
      close: running.close,
    };
  },
};
