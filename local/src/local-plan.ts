import { catalog } from '@mytabs/contracts/events/catalog';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { type ContractPatterns, type Plan, resolvePlan } from '@mytabs/plan';
import { LOCAL_STAGE, localLocation } from './naming.ts';

/** The sender domain of every email locally, unless MYTABS_EMAIL_DOMAIN says otherwise. */
export const DEFAULT_EMAIL_DOMAIN = 'keeptabs.app';

/** The plan of the local stage: what every component starts, by the names AWS would give it. */
export const localPlan = (
  services: readonly LoadedManifest[],
  events: ContractPatterns = catalog,
): Plan =>
  resolvePlan({
    stage: LOCAL_STAGE,
    services,
    events,
    location: localLocation,
    emailDomain: process.env.MYTABS_EMAIL_DOMAIN ?? DEFAULT_EMAIL_DOMAIN,
  });
