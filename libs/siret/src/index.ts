export * from './lib/establishment';
export * from './lib/fixture-directory';
export * from './lib/recherche-entreprises-directory';
export * from './lib/siret';
