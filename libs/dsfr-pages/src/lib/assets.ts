import { dirname, join } from 'node:path';
import { static as serveStatic, type RequestHandler } from 'express';

declare const __non_webpack_require__: NodeJS.Require | undefined;

/** Node's own `require` (in a webpack bundle, `require.resolve` would return a module id). */
const nodeRequire: NodeJS.Require = typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;

/** Folder of the DSFR distribution (CSS, fonts, favicons) shipped with react-dsfr. */
export function dsfrDistDirectory(): string {
  return join(dirname(nodeRequire.resolve('@codegouvfr/react-dsfr/package.json')), 'dsfr');
}

/** Serves the DSFR assets (mount it at `/dsfr`), cached for a day by browsers. */
export function serveDsfrAssets(): RequestHandler {
  return serveStatic(dsfrDistDirectory(), { maxAge: '1d', index: false, fallthrough: false, immutable: false });
}
