import { Client } from 'pg';

export interface SeedFigures {
  organisations: number;
  requests: number;
  seconds: number;
}

const CONTENT = {
  project: {
    projectName: 'Portail citoyen',
    description:
      'Permettre aux usagers de se connecter au portail des démarches de la collectivité avec FranceConnect, afin de pré-remplir les formulaires avec leur identité vérifiée et de suivre leurs demandes.',
    usesVendorSolution: false,
    vendorId: null,
  },
  data: { claims: ['given_name', 'family_name', 'birthdate', 'email'], eidasLevel: 'eidas1' },
  legal: {
    legalBasisText: 'Article L. 112-9 du code des relations entre le public et l’administration',
    legalBasisUrl: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031367329',
    retentionMonths: 24,
    retentionJustification: null,
  },
  contacts: Object.fromEntries(
    ['dataController', 'dpo', 'technicalContact'].map((role) => [
      role,
      { givenName: 'Camille', familyName: 'Martin', email: `${role.toLowerCase()}@collectivite.fr`, phone: '+33612345678', jobTitle: 'Chargée de mission' },
    ]),
  ),
  terms: { termsAccepted: true },
};

/**
 * 10,000 organisations with one member each, and 100,000 habilitation requests spread over two
 * years in every status (drafts, queue, decided), written with set-based SQL (a few seconds).
 */
export async function seedPartners(databaseUrl: string, organisations: number, requests: number): Promise<SeedFigures> {
  const started = Date.now();
  const client = new Client({ connectionString: databaseUrl, application_name: 'bench-seed' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO partners.organisation (siret, name, address, is_head_office)
       SELECT lpad((21000000000000 + i * 7)::text, 14, '0'),
              (ARRAY['Mairie de ', 'Communauté de communes de ', 'Centre hospitalier de ', 'Conseil départemental de ', 'Caisse des écoles de ', 'Syndicat des eaux de '])[1 + i % 6]
                || (ARRAY['Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Rennes', 'Lille', 'Brest', 'Dijon', 'Amiens', 'Limoges', 'Pau', 'Nîmes', 'Tours', 'Metz', 'Caen'])[1 + (i / 6) % 15]
                || ' ' || i,
              i || ' rue de la République, 69000 Lyon',
              i % 3 = 0
       FROM generate_series(1, $1) AS i`,
      [organisations],
    );
    await client.query(
      `INSERT INTO partners.account (email, email_domain, password_hash, given_name, family_name, email_verified_at)
       SELECT 'agent' || i || '@collectivite' || (i % 500) || '.fr', 'collectivite' || (i % 500) || '.fr', 'scrypt$10$8$1$x$x', 'Agent', 'N' || i, now()
       FROM generate_series(1, $1) AS i`,
      [organisations],
    );
    await client.query(
      `INSERT INTO partners.membership (account_id, organisation_id, role, status)
       SELECT a.id, o.id, 'admin', 'active'
       FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM partners.account) a
       JOIN (SELECT id, row_number() OVER (ORDER BY siret) AS n FROM partners.organisation) o USING (n)`,
    );
    await client.query(
      `WITH orgs AS (SELECT id, name, siret, row_number() OVER (ORDER BY siret) AS n FROM partners.organisation),
            creator AS (SELECT organisation_id, account_id FROM partners.membership),
            generated AS (
              SELECT i,
                     1 + (hashint4(i)::bigint & 2147483647) % $2 AS org_n,
                     (ARRAY['draft','submitted','changes_requested','validated','validated','validated','validated','refused','revoked','submitted'])[1 + (hashint4(i * 31)::bigint & 2147483647) % 10] AS status,
                     (ARRAY['Portail famille', 'Inscription cantine', 'Prise de rendez-vous', 'Demande d’aide sociale', 'Carte de stationnement', 'Bourse étudiante', 'Espace usager', 'Signalement voirie', 'Médiathèque en ligne', 'Paiement des factures d’eau'])[1 + i % 10] || ' ' || i AS project_name,
                     now() - ((hashint4(i * 17)::bigint & 2147483647) % (730 * 24 * 3600)) * interval '1 second' AS at
              FROM generate_series(1, $1) AS i)
       INSERT INTO partners.habilitation_request
         (organisation_id, status, content, last_submitted_content, validated_content, validated_version, project_name, search_text, created_by, submitted_by, submitted_at, created_at, updated_at)
       SELECT o.id, g.status, $3::jsonb,
              CASE WHEN g.status = 'draft' THEN NULL ELSE $3::jsonb END,
              CASE WHEN g.status IN ('validated', 'revoked') THEN $3::jsonb END,
              CASE WHEN g.status IN ('validated', 'revoked') THEN 1 ELSE 0 END,
              g.project_name, lower(g.project_name || ' ' || o.name || ' ' || o.siret),
              c.account_id, CASE WHEN g.status = 'draft' THEN NULL ELSE c.account_id END,
              CASE WHEN g.status = 'draft' THEN NULL ELSE g.at END,
              g.at - interval '3 days', g.at
       FROM generated g JOIN orgs o ON o.n = g.org_n JOIN creator c ON c.organisation_id = o.id`,
      [requests, organisations, JSON.stringify(CONTENT)],
    );
    await client.query('COMMIT');
    // What autovacuum does after a bulk load in production: visibility map (index-only scans) and statistics.
    await client.query('VACUUM (ANALYZE) partners.organisation, partners.account, partners.membership, partners.habilitation_request');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return { organisations, requests, seconds: (Date.now() - started) / 1000 };
}
