import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  collectDefaultMetrics,
  Counter,
  Histogram,
  Registry,
} from 'prom-client';

/** The route label of a request nobody routed (404, probes of unknown paths). */
export const UNMATCHED_ROUTE = 'unmatched';

const ROUTE_LABEL = Symbol('metricsRoute');

type LabelledRequest = IncomingMessage & {
  [ROUTE_LABEL]?: string;
  route?: { path?: unknown; methods?: Record<string, boolean> };
  baseUrl?: string;
};

/**
 * Names the route of a request handled outside Nest's router (e.g. oidc-provider mounted as raw
 * middleware), so that it is counted under a bounded pattern and never under its raw URL.
 */
export function setMetricsRoute(req: IncomingMessage, route: string): void {
  (req as LabelledRequest)[ROUTE_LABEL] = route;
}

/**
 * The label of a request: what a mount declared, else the pattern Express matched
 * (`/api/organisations/:id`, never the URL with its ids), else "unmatched".
 */
export function routeLabelOf(req: IncomingMessage): string {
  const labelled = req as LabelledRequest;
  if (labelled[ROUTE_LABEL]) return labelled[ROUTE_LABEL];
  const route = labelled.route;
  // A route for every method is Nest's middleware (`forRoutes('{*splat}')`, Express's `all()`):
  // matching one does not mean a handler served the request (Nest's 404 comes after them).
  const forAllMethods = Object.keys(route?.methods ?? {}).length > 1;
  const pattern = forAllMethods ? undefined : route?.path;
  if (typeof pattern === 'string') return `${labelled.baseUrl ?? ''}${pattern}` || '/';
  return UNMATCHED_ROUTE;
}

/** Fixed list of methods: anything else is counted as OTHER (bounded cardinality). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The Prometheus registry of one process: default process metrics (CPU, memory, event loop, GC),
 * `http_requests_total{method,route,status_code}` and `http_request_duration_seconds{method,route}`.
 * Other modules add their own metrics to `registry` (queue depths, login steps).
 */
export class HttpMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status_code'>;
  readonly duration: Histogram<'method' | 'route'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests served, by method, matched route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to serve HTTP requests, by method and matched route pattern.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** Express/Connect middleware, installed first: times every request, whoever answers it. */
  readonly middleware = (
    req: IncomingMessage,
    res: ServerResponse,
    next: () => void,
  ): void => {
    const stop = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeLabelOf(req);
      if (route === '/metrics') return;
      const method = METHODS.has(req.method ?? '') ? (req.method as string) : 'OTHER';
      const seconds = Number(process.hrtime.bigint() - stop) / 1e9;
      this.requests.inc({ method, route, status_code: String(res.statusCode) });
      this.duration.observe({ method, route }, seconds);
    });
    next();
  };

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
