import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');

/** Entry point of a built app (the e2e targets depend on the builds). */
export const builtApp = (name: string) => join(ROOT, 'dist/apps', name, 'main.js');
export const builtDbTools = join(ROOT, 'dist/tools/db/main.js');
