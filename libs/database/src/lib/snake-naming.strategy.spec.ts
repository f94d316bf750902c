import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const strategy = new SnakeNamingStrategy();

  it('names tables and columns in snake_case', () => {
    expect(strategy.tableName('HabilitationRequest', undefined)).toBe(
      'habilitation_request',
    );
    expect(strategy.columnName('createdAt', undefined, [])).toBe('created_at');
    expect(strategy.columnName('siret', undefined, ['dataController'])).toBe(
      'data_controller_siret',
    );
  });

  it('keeps an explicit name given in the entity', () => {
    expect(strategy.tableName('Client', 'oidc_client')).toBe('oidc_client');
  });

  it('handles acronyms without splitting every letter', () => {
    expect(strategy.columnName('postLogoutRedirectUris', undefined, [])).toBe(
      'post_logout_redirect_uris',
    );
    expect(strategy.tableName('SIRETEstablishment', undefined)).toBe(
      'siret_establishment',
    );
    expect(strategy.columnName('idpID', undefined, [])).toBe('idp_id');
  });
});
