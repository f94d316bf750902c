import nx from '@nx/eslint-plugin';

/**
 * One lint configuration for the whole workspace.
 * Module boundaries are enforced through project tags (see docs/architecture.md):
 *  - scope: who owns the code (core, partners, consent, mock, shared, e2e)
 *  - type: what kind of project (app, feature, data-access, util, ui)
 *  - platform: where it runs (server, web, universal); the portal (web) never imports server code.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/.next',
      '**/node_modules',
      '**/next-env.d.ts',
      '.data/**',
      'tmp/**',
      'test-results/**',
      'apps/espace-partenaire/public/dsfr/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.cts', '**/*.mts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util', 'type:ui'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util', 'type:ui'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util', 'type:ui'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core', 'scope:shared'] },
            { sourceTag: 'scope:partners', onlyDependOnLibsWithTags: ['scope:partners', 'scope:shared'] },
            { sourceTag: 'scope:consent', onlyDependOnLibsWithTags: ['scope:consent', 'scope:shared'] },
            { sourceTag: 'scope:mock', onlyDependOnLibsWithTags: ['scope:mock', 'scope:shared'] },
            { sourceTag: 'scope:ops', onlyDependOnLibsWithTags: ['scope:ops', 'scope:shared', 'scope:core', 'scope:partners', 'scope:consent', 'scope:mock'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:core', 'scope:partners', 'scope:consent', 'scope:mock'] },
            { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:web', 'platform:universal'] },
            { sourceTag: 'platform:universal', onlyDependOnLibsWithTags: ['platform:universal'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits is a lost error (or a lost e-mail).
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'tools/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['**/jest.config.cts', '**/*.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The portal's tsconfig.json is Next's (specs excluded): its unit tests are typed by tsconfig.spec.json.
    files: ['apps/espace-partenaire/**/*.spec.ts'],
    languageOptions: { parserOptions: { projectService: false, project: ['./apps/espace-partenaire/tsconfig.spec.json'], tsconfigRootDir: import.meta.dirname } },
  },
];
