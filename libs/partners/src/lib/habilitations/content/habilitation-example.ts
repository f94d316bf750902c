import type { HabilitationStepContent } from '@federation/partners-contracts';

/** A complete, valid request: the example of each step in the OpenAPI document. */
export const EXAMPLE_HABILITATION_CONTENT: HabilitationStepContent = {
  project: {
    projectName: 'Portail famille',
    description:
      'Les familles se connectent au portail de la commune avec FranceConnect pour inscrire leurs enfants à la cantine et au périscolaire, sans ressaisir leur identité.',
    usesVendorSolution: false,
    vendorId: null,
  },
  data: { claims: ['given_name', 'family_name', 'birthdate', 'email'], eidasLevel: 'eidas1' },
  legal: {
    legalBasisText: 'Article L. 112-9 du code des relations entre le public et l’administration (saisine par voie électronique).',
    legalBasisUrl: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031367329',
    retentionMonths: 24,
    retentionJustification: null,
  },
  contacts: {
    dataController: { givenName: 'Claire', familyName: 'Dubois', email: 'claire.dubois@mairie-exemple.fr', phone: '+33123456789', jobTitle: 'Directrice générale des services' },
    dpo: { givenName: 'Paul', familyName: 'Lefèvre', email: 'dpo@mairie-exemple.fr', phone: '+33123456780', jobTitle: 'Délégué à la protection des données' },
    technicalContact: { givenName: 'Yasmine', familyName: 'Benali', email: 'yasmine.benali@mairie-exemple.fr', phone: '+33612345678', jobTitle: 'Cheffe de projet numérique' },
  },
  terms: { termsAccepted: true },
};
