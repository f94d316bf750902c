/** Logins of a day: `logins` = citizens sent back to the service with a code (successes of `redirected_to_fs`). */
export interface DailyLoginsView {
  /** YYYY-MM-DD, Paris time. */
  day: string;
  logins: number;
  /** Failed steps of that day (every step: authorize, FI return, identity check, token, userinfo…). */
  failures: number;
}

export interface IdentityProviderShareView {
  slug: string;
  /** The FI's name when known, else its slug. */
  name: string;
  logins: number;
  /** logins / total logins of the period, 0..1 (0 when there is no login). */
  share: number;
}

export interface ServiceStatisticsView {
  serviceProviderId: string;
  clientId: string;
  name: string;
  environment: 'sandbox' | 'production';
  organisation: { id: string; name: string; siret: string };
  logins: number;
  failures: number;
  days: DailyLoginsView[];
  identityProviders: IdentityProviderShareView[];
}

/** Figures of a period (every day of it present, zero when nothing happened), for some services. */
export interface StatisticsView {
  from: string;
  to: string;
  logins: number;
  failures: number;
  days: DailyLoginsView[];
  identityProviders: IdentityProviderShareView[];
  services: ServiceStatisticsView[];
}
