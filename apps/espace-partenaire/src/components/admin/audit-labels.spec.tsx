import { auditActionLabel, auditDetailLines } from './audit-labels';

describe('audit log in French', () => {
  it('names the actions in French and keeps an unknown action as it is', () => {
    // Given actions written by partners-api
    // When they are labelled
    // Then the known ones read in French
    expect(auditActionLabel('habilitation.validate')).toBe('Demande validée');
    expect(auditActionLabel('membership.reject')).toBe('Adhésion refusée');
    expect(auditActionLabel('something.new')).toBe('something.new');
  });

  it('reads a decision as a status change with the version validated', () => {
    // Given the details of a validation
    const details = {
      fromStatus: 'submitted',
      toStatus: 'validated',
      validatedVersion: 1,
    };

    // When they are formatted
    // Then the statuses are the portal's French labels
    expect(auditDetailLines(details)).toEqual([
      'Statut : En cours d’instruction → Validée',
      'Version validée : 1',
    ]);
  });

  it('reads a vendor change field by field', () => {
    // Given the details of a vendor renamed and deactivated
    const details = {
      changes: {
        name: { from: 'Ancien', to: 'Nouveau' },
        active: { from: true, to: false },
      },
    };

    // When they are formatted
    // Then each change reads « before → after »
    expect(auditDetailLines(details)).toEqual([
      'Nom : Ancien → Nouveau',
      'Actif : oui → non',
    ]);
  });

  it('shows a rejection’s reason and leaves out the internal identifiers', () => {
    // Given the details of a rejected membership
    const details = {
      organisationId: 'a1',
      accountId: 'b2',
      siret: '21690123100011',
      reason: 'Personne inconnue de la mairie.',
    };

    // When they are formatted
    // Then the SIRET and the reason show, the identifiers do not
    expect(auditDetailLines(details)).toEqual([
      'SIRET : 21690123100011',
      'Motif : Personne inconnue de la mairie.',
    ]);
  });

  it('reads an API FranceConnectée decision with its data provider and its scopes', () => {
    // Given the details of a validated API request
    const details = {
      habilitationId: 'h1',
      fromStatus: 'submitted',
      toStatus: 'validated',
      dataProviderSlug: 'dgfip',
      scopes: ['dgfip_rfr', 'dgfip_nbpart'],
    };

    // When they are formatted
    // Then the scopes read as a list, not as JSON
    expect(auditActionLabel('api_habilitation_request.validate')).toBe(
      'API FranceConnectée validée',
    );
    expect(auditDetailLines(details)).toEqual([
      'Statut : En cours d’instruction → Validée',
      'Habilitation : h1',
      'Fournisseur de données : dgfip',
      'Données : dgfip_rfr, dgfip_nbpart',
    ]);
  });
});
