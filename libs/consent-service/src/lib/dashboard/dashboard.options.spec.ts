import { DashboardModule } from './dashboard.module';
import type { DashboardOptions } from './dashboard.options';

const VALID: DashboardOptions = {
  publicUrl: 'https://consentement.example.gouv.fr/',
  coreIssuer: 'https://core.example.gouv.fr/api/v2',
  clientId: 'tableau-de-bord',
  clientSecret: 'test-only-dashboard-client-secret-0123456789',
  cookieSecret: 'test-only-dashboard-cookie-secret-0123456789',
  secureCookies: true,
};

describe('DashboardModule.forRoot', () => {
  it('accepts valid options', () => {
    expect(DashboardModule.forRoot(VALID).module).toBe(DashboardModule);
  });

  it('stops the boot with one line naming a wrong option', () => {
    expect(() =>
      DashboardModule.forRoot({ ...VALID, cookieSecret: 'short' }),
    ).toThrow(
      'DashboardModule: option cookieSecret must be at least 32 characters long',
    );
    expect(() =>
      DashboardModule.forRoot({
        ...VALID,
        publicUrl: 'https://consentement.example.gouv.fr/tableau',
      }),
    ).toThrow(/option publicUrl must be an origin/);
    expect(() =>
      DashboardModule.forRoot({ ...VALID, coreIssuer: 'ftp://core' }),
    ).toThrow(/option coreIssuer must be a URL/);
  });
});
