#!/usr/bin/env node
// Build-time helper of docker/Dockerfile and docker/Dockerfile.portal (runs in the build stage,
// from the repository root, with the workspace's node_modules installed).
//
//   node docker/image-tools.mjs default-port <app> <nest|web>
//     Prints the default port of a deployable, read from tools/scripts/lib/services.mjs (the list
//     the start command uses). Exits 1 when <app> is unknown or of the other kind (the portal is
//     the only `web` one and has its own Dockerfile), so a wrong `--build-arg APP=…` fails before
//     the long build. The images store this port in /app/.default-port for docker/healthcheck.mjs.
//
//   node docker/image-tools.mjs nest-package <dist dir> <output package.json>
//     Writes the package.json of a NestJS app's runtime image (or of the migrations image): the
//     dependencies of the package.json Nx generates next to main.js (generatePackageJson), plus
//     every package main.js loads that Nx did not list. Nx finds the packages in the sources'
//     imports; a package loaded another way (`__non_webpack_require__.resolve(...)` to serve the
//     DSFR assets, `tslib` required by the emitted helpers) is missing from its list and the app
//     would fail at boot in the image. So the require(), require.resolve() and import() calls of
//     main.js that name a package are added too. Versions: those of the root package-lock.json,
//     with which the image then installs (npm keeps its versions and drops what is not needed).
//
//   node docker/image-tools.mjs portal-package <next dir> <output package.json>
//     Writes the package.json of the portal's runtime image: the root `dependencies` that the
//     server code of the built Next app needs at run time, pinned to the versions of the root
//     package-lock.json. Next records what its server needs in the `*.nft.json` trace files of
//     the build (what `output: 'standalone'` would copy); the packages bundled into the build
//     (react-dsfr, tsafe, …) do not appear there and are not installed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const [command, ...args] = process.argv.slice(2);

const fail = (message) => {
  process.stderr.write(`image-tools: ${message}\n`);
  process.exit(1);
};

async function defaultPort(app, kind) {
  const { SERVICES } = await import(join(ROOT, 'tools/scripts/lib/services.mjs'));
  const ofKind = SERVICES.filter((service) => (kind === 'web') === Boolean(service.web));
  const service = ofKind.find((candidate) => candidate.name === app);
  if (!service) {
    const dockerfile = kind === 'web' ? 'docker/Dockerfile.portal' : 'docker/Dockerfile';
    fail(`${dockerfile} cannot build "${app ?? ''}"; APP must be one of: ${ofKind.map((s) => s.name).join(', ')}`);
  }
  process.stdout.write(`${service.port}\n`);
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

function nestPackage(distDir, output) {
  if (!distDir || !output) fail('usage: nest-package <dist dir> <output package.json>');
  const generated = readJson(join(distDir, 'package.json'));
  const lock = readJson(join(ROOT, 'package-lock.json'));
  const rootPackage = readJson(join(ROOT, 'package.json'));
  const dependencies = { ...generated.dependencies };
  const bundle = readFileSync(join(distDir, 'main.js'), 'utf8');
  const calls = /(?:\brequire|\.resolve|\bimport)\s*\(\s*(['"`])([^'"`\s]+)\1\s*\)/g;
  const added = [];
  for (const [, , specifier] of bundle.matchAll(calls)) {
    if (/^(\.|\/|node:)/.test(specifier)) continue;
    const name = packageName(specifier);
    if (dependencies[name]) continue;
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version) {
      // Not installed in the workspace: a Node built-in without `node:` or an optional require.
      continue;
    }
    dependencies[name] = version;
    const devOnly = !rootPackage.dependencies?.[name];
    added.push(`${name}@${version}${devOnly ? ' (a devDependency of the root package.json)' : ''}`);
  }
  const sorted = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
  const runtimePackage = { name: generated.name, version: generated.version, private: true, main: generated.main, dependencies: sorted };
  writeFileSync(output, `${JSON.stringify(runtimePackage, null, 2)}\n`);
  process.stdout.write(`runtime dependencies of ${generated.name}: ${Object.keys(sorted).length}${added.length ? `; loaded by main.js but not listed by Nx, added: ${added.join(', ')}` : ''}\n`);
}

function* traceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // The build cache and the `next dev` output are not part of the production build.
      if (entry.name !== 'cache' && entry.name !== 'dev') yield* traceFiles(path);
    } else if (entry.name.endsWith('.nft.json')) {
      yield path;
    }
  }
}

function portalPackage(nextDir, output) {
  if (!nextDir || !output) fail('usage: portal-package <next dir> <output package.json>');
  const traced = new Set();
  for (const trace of traceFiles(resolve(nextDir))) {
    const { files } = readJson(trace);
    for (const file of files) {
      const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(relative(ROOT, resolve(trace, '..', file)));
      if (match) traced.add(match[1]);
    }
  }
  const rootPackage = readJson(join(ROOT, 'package.json'));
  const lock = readJson(join(ROOT, 'package-lock.json'));
  const dependencies = {};
  for (const name of Object.keys(rootPackage.dependencies ?? {}).sort()) {
    if (!traced.has(name)) continue;
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version) fail(`${name} is not in package-lock.json`);
    dependencies[name] = version;
  }
  // The other traced packages (@next/env, styled-jsx, sharp, …) are dependencies of these and are
  // installed with them by npm, at the versions of the lockfile.
  if (!dependencies.next) fail(`no trace of "next" under ${nextDir}: was the portal built (next build)?`);
  const runtimePackage = { name: 'espace-partenaire', version: '0.0.0', private: true, dependencies };
  writeFileSync(output, `${JSON.stringify(runtimePackage, null, 2)}\n`);
  process.stdout.write(`runtime dependencies of the portal: ${Object.entries(dependencies).map(([n, v]) => `${n}@${v}`).join(', ')}\n`);
}

switch (command) {
  case 'default-port':
    if (args[1] !== 'nest' && args[1] !== 'web') fail('usage: default-port <app> <nest|web>');
    await defaultPort(args[0], args[1]);
    break;
  case 'nest-package':
    nestPackage(args[0], args[1]);
    break;
  case 'portal-package':
    portalPackage(args[0], args[1]);
    break;
  default:
    fail('usage: image-tools.mjs default-port <app> <nest|web> | nest-package <dist dir> <output package.json> | portal-package <next dir> <output package.json>');
}
