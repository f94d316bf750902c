import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

interface PortalMetrics {
  registry: Registry;
  /** The portal's calls to partners-api (its only dependency): duration, by method and answer. */
  apiCalls: Histogram<'method' | 'status_code'>;
}

const KEY = Symbol.for('federation.espace-partenaire.metrics');

/** One registry per process (route handlers and server components share the module instance or not: the global holds it). */
export function portalMetrics(): PortalMetrics {
  const holder = globalThis as typeof globalThis & { [KEY]?: PortalMetrics };
  if (!holder[KEY]) {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'espace-partenaire' });
    collectDefaultMetrics({ register: registry });
    holder[KEY] = {
      registry,
      apiCalls: new Histogram({
        name: 'portal_partners_api_call_duration_seconds',
        help: 'Calls of the portal to partners-api, by method and HTTP status (0: unreachable).',
        labelNames: ['method', 'status_code'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      }),
    };
  }
  return holder[KEY];
}
