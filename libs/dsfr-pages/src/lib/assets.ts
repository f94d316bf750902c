import { dirname, join } from 'node:path';
import { static as serveStatic, type RequestHandler } from 'express';

/** Folder of the DSFR distribution (CSS, fonts, favicons) shipped with react-dsfr. */
export function dsfrDistDirectory(): string {
  return join(dirname(require.resolve('@codegouvfr/react-dsfr/package.json')), 'dsfr');
}

/** Serves the DSFR assets (mount it at `/dsfr`), cached for a day by browsers. */
export function serveDsfrAssets(): RequestHandler {
  return serveStatic(dsfrDistDirectory(), { maxAge: '1d', index: false, fallthrough: false, immutable: false });
}
