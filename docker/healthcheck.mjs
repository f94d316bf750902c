#!/usr/bin/env node
// HEALTHCHECK of the federation images (slim images have no curl): GET http://127.0.0.1:<port><path>
// with node's fetch; exit 0 on a 2xx answer, 1 otherwise (refused, timeout, 503 from /health…).
//   port: $PORT, else the deployable's default port written at build time in /app/.default-port
//   path: $HEALTHCHECK_PATH, else /health (every Nest app); the portal image sets "/".
// The app must listen on 127.0.0.1 inside the container: keep HOST=0.0.0.0 (the default).
import { readFileSync } from 'node:fs';

const port = process.env.PORT || readFileSync(new URL('./.default-port', import.meta.url), 'utf8').trim();
const path = process.env.HEALTHCHECK_PATH || '/health';

try {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) });
  if (!response.ok) process.stderr.write(`GET ${path} answered ${response.status}\n`);
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`GET ${path} on port ${port} failed: ${error.cause?.code ?? error.message}\n`);
  process.exit(1);
}
