import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The workspace root (where nx.json is), from the current directory upwards. */
function findWorkspaceRoot(start: string): string {
  let current = resolve(start);
  while (!existsSync(join(current, 'nx.json'))) {
    const parent = dirname(current);
    if (parent === current) throw new Error(`no nx.json above ${start}`);
    current = parent;
  }
  return current;
}

export const ROOT = findWorkspaceRoot(process.cwd());

/** Entry point of a built app (run `nx build <app>` first; the e2e and bench targets depend on it). */
export const builtApp = (name: string) =>
  join(ROOT, 'dist/apps', name, 'main.js');
export const builtDbTools = join(ROOT, 'dist/tools/db/main.js');
