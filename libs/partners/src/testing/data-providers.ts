import type { PartnersTestApp } from './partners-test-app';

export interface DataProviderFixture {
  slug: string;
  name: string;
  scopes: { scope: string; label: string }[];
}

/** The demo catalogue of the consent service (the seed has the same FDs and scopes). */
export const DEMO_DATA_PROVIDERS: DataProviderFixture[] = [
  {
    slug: 'dgfip',
    name: 'Direction générale des Finances publiques (démo)',
    scopes: [
      { scope: 'dgfip_rfr', label: 'Revenu fiscal de référence' },
      { scope: 'dgfip_nbpart', label: 'Nombre de parts fiscales' },
    ],
  },
  { slug: 'cnaf', name: 'Caisse nationale des allocations familiales (démo)', scopes: [{ scope: 'cnaf_quotient_familial', label: 'Quotient familial' }] },
  { slug: 'mesr', name: 'Ministère de l’Enseignement supérieur (démo)', scopes: [{ scope: 'mesr_statut_etudiant', label: 'Statut étudiant' }] },
];

/**
 * The part of the consent service's storage partners-api reads: the view
 * `consent.data_provider_catalogue` over its FD and scope tables. partners may not import the
 * consent libs (module boundaries), so the test database gets the same tables and view, with the
 * columns of libs/consent-data's migration `ConsentTables1764100000000` that the view uses.
 */
export async function createDataProviderCatalogue(test: PartnersTestApp): Promise<void> {
  await test.dataSource.query(`CREATE SCHEMA IF NOT EXISTS "consent"`);
  await test.dataSource.query(`
    CREATE TABLE "consent"."data_provider" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "slug" varchar(64) NOT NULL UNIQUE CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]*$'),
      "name" varchar(200) NOT NULL,
      "client_id" varchar(128) NOT NULL UNIQUE,
      "active" boolean NOT NULL DEFAULT true
    )`);
  await test.dataSource.query(`
    CREATE TABLE "consent"."data_provider_scope" (
      "scope" varchar(64) PRIMARY KEY CHECK ("scope" ~ '^[a-z][a-z0-9_]*$'),
      "data_provider_id" uuid NOT NULL REFERENCES "consent"."data_provider" ("id") ON DELETE CASCADE,
      "label" varchar(200) NOT NULL,
      "display_order" int NOT NULL DEFAULT 0
    )`);
  await test.dataSource.query(`
    CREATE VIEW "consent"."data_provider_catalogue" AS
      SELECT p."slug" AS "data_provider_slug", p."name" AS "data_provider_name",
             s."scope", s."label", s."display_order"
      FROM "consent"."data_provider" p
      JOIN "consent"."data_provider_scope" s ON s."data_provider_id" = p."id"
      WHERE p."active"`);
}

/** One FD of the catalogue with its scopes, in the given order. */
export async function insertDataProvider(test: PartnersTestApp, provider: DataProviderFixture): Promise<void> {
  const [{ id }] = (await test.dataSource.query(`INSERT INTO "consent"."data_provider" ("slug", "name", "client_id") VALUES ($1, $2, $3) RETURNING "id"`, [
    provider.slug,
    provider.name,
    `fd-${provider.slug}`,
  ])) as [{ id: string }];
  for (const [index, entry] of provider.scopes.entries())
    await test.dataSource.query(`INSERT INTO "consent"."data_provider_scope" ("scope", "data_provider_id", "label", "display_order") VALUES ($1, $2, $3, $4)`, [
      entry.scope,
      id,
      entry.label,
      index + 1,
    ]);
}
