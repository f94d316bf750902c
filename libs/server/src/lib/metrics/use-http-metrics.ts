import type { INestApplication } from '@nestjs/common';
import { requestIdMiddleware } from '../request-id';
import { HttpMetrics } from './http-metrics';

/**
 * Middleware every service runs first, before any mount (oidc-provider, assets) and Nest's router:
 * the request id, and the HTTP metrics when the app imports `MetricsModule`.
 * Called by `bootstrapService`; tests that build their own app call it too.
 */
export function useHttpEssentials(app: INestApplication): void {
  app.use(requestIdMiddleware);
  let metrics: HttpMetrics | undefined;
  try {
    metrics = app.get(HttpMetrics, { strict: false });
  } catch {
    metrics = undefined;
  }
  if (metrics) app.use(metrics.middleware);
}
