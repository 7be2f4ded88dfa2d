import type { ServiceManifest } from './service-manifest.ts';

/**
 * Rules that span manifests, which no single manifest's schema can see. Returns every problem
 * found (empty when the set is consistent), each naming the manifest and field it concerns.
 */
export const findManifestProblems = (
  manifests: readonly ServiceManifest[],
  catalog: { eventNames: ReadonlySet<string> },
): string[] => {
  const problems: string[] = [];
  const byService = new Map<string, ServiceManifest>();
  for (const m of manifests) {
    if (byService.has(m.service)) problems.push(`${m.service}: two manifests declare this service`);
    byService.set(m.service, m);
  }

  /** A cross-service call is allowed when the callee exists and lists the caller in `invokedBy`. */
  const checkCall = (caller: string, ref: string, where: string) => {
    const [service = '', fn = ''] = ref.split('.');
    const callee = byService.get(service)?.functions[fn];
    if (!callee) {
      problems.push(`${where}: ${ref} is not a function of any manifest`);
    } else if (service !== caller && !callee.invokedBy?.includes(caller)) {
      problems.push(`${where}: ${ref} does not list ${caller} in invokedBy`);
    }
  };

  const routes = new Map<string, string>();
  let authorizers = 0;
  for (const m of manifests) {
    for (const [name, fn] of Object.entries(m.functions)) {
      const at = `${m.service}.functions.${name}`;
      if (fn.http) {
        const key = `${fn.http.method} ${fn.http.path}`;
        const other = routes.get(key);
        if (other) problems.push(`${at}.http: ${key} is already the route of ${other}`);
        routes.set(key, `${m.service}.${name}`);
      }
      for (const event of fn.subscribe?.events ?? []) {
        if (!catalog.eventNames.has(event)) {
          problems.push(`${at}.subscribe.events: ${event} is not an event of the catalog`);
        }
      }
      if (fn.uses.table && !m.table) {
        problems.push(
          `${at}.uses.table: ${m.service} declares no table (a function reaches its own only)`,
        );
      }
      for (const ref of fn.uses.invoke ?? []) checkCall(m.service, ref, `${at}.uses.invoke`);
      for (const secret of fn.uses.secrets ?? []) {
        if (!m.secrets.includes(secret)) {
          problems.push(`${at}.uses.secrets: ${secret} is not among ${m.service}'s secrets`);
        }
      }
      for (const workflow of fn.uses.workflows ?? []) {
        if (!m.workflows[workflow]) {
          problems.push(`${at}.uses.workflows: ${workflow} is not a workflow of ${m.service}`);
        }
      }
      for (const caller of fn.invokedBy ?? []) {
        if (!byService.has(caller)) {
          problems.push(`${at}.invokedBy: ${caller} is not a service`);
        }
      }
    }
    for (const [name, wf] of Object.entries(m.workflows)) {
      for (const [placeholder, ref] of Object.entries(wf.substitutions)) {
        checkCall(m.service, ref, `${m.service}.workflows.${name}.substitutions.${placeholder}`);
      }
    }
    for (const [trigger, fn] of Object.entries(m.userPool?.triggers ?? {})) {
      if (fn && !m.functions[fn]) {
        problems.push(
          `${m.service}.userPool.triggers.${trigger}: ${fn} is not a function of ${m.service}`,
        );
      }
    }
    if (m.authorizer) {
      authorizers += 1;
      if (!m.functions[m.authorizer]) {
        problems.push(`${m.service}.authorizer: ${m.authorizer} is not a function of ${m.service}`);
      }
    }
  }
  if (authorizers > 1) problems.push('more than one manifest declares an authorizer');
  return problems;
};
