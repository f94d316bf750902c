import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CITIZEN_RECORDS,
  type CitizenRecords,
  type ConnectionView,
  type ConsentView,
  type DataAccessView,
  type IdentityProviderView,
} from '../../records/citizen-records.types';
import {
  ConsentNotFoundException,
  IdentityProviderNotFoundException,
} from '../exceptions/dashboard.exceptions';
import type { DashboardNotice } from '../session/dashboard-session';

/** The dashboard shows the last six months. */
export const HISTORY_DAYS = 180;
/** At most this many connections and data accesses are listed (the most recent). */
export const HISTORY_LIMIT = 200;

export interface DashboardOverview {
  connections: ConnectionView[];
  dataAccesses: DataAccessView[];
  consents: ConsentView[];
  identityProviders: IdentityProviderView[];
  historyLimit: number;
}

/** What the dashboard reads and changes for the signed-in citizen, through CitizenRecords only. */
@Injectable()
export class DashboardService {
  private readonly logger = new Logger('Dashboard');

  constructor(
    @Inject(CITIZEN_RECORDS) private readonly records: CitizenRecords,
  ) {}

  async overview(
    citizenKey: string,
    now = new Date(),
  ): Promise<DashboardOverview> {
    const since = new Date(now.getTime() - HISTORY_DAYS * 24 * 60 * 60 * 1000);
    const [connections, dataAccesses, consents, identityProviders] =
      await Promise.all([
        this.records.connections(citizenKey, since, HISTORY_LIMIT),
        this.records.dataAccesses(citizenKey, since, HISTORY_LIMIT),
        this.records.consents(citizenKey, since),
        this.records.identityProviders(citizenKey),
      ]);
    return {
      connections,
      dataAccesses,
      consents,
      identityProviders,
      historyLimit: HISTORY_LIMIT,
    };
  }

  /**
   * Revokes one of the citizen's consents. `consentId` must already be a UUID (checked at the edge).
   * A second click on an already revoked consent is not an error; someone else's consent is "not found".
   */
  async revokeConsent(
    citizenKey: string,
    consentId: string,
    now = new Date(),
  ): Promise<DashboardNotice> {
    if (await this.records.revokeConsent(citizenKey, consentId)) {
      this.logger.log('consent revoked by the citizen');
      return { kind: 'consent-revoked' };
    }
    const since = new Date(now.getTime() - HISTORY_DAYS * 24 * 60 * 60 * 1000);
    const own = (await this.records.consents(citizenKey, since)).find(
      (consent) => consent.id === consentId,
    );
    if (own?.revokedAt) return { kind: 'consent-already-revoked' };
    throw new ConsentNotFoundException();
  }

  async blockIdentityProvider(
    citizenKey: string,
    slug: string,
  ): Promise<DashboardNotice> {
    const providers = await this.records.identityProviders(citizenKey);
    const provider = providers.find((candidate) => candidate.slug === slug);
    if (!provider) throw new IdentityProviderNotFoundException();
    // Blocking every account would lock the citizen out of every service, this dashboard included.
    if (!provider.blocked && providers.every((other) => other.slug === slug || other.blocked))
      return { kind: 'last-account-kept', accountName: provider.name };
    if (!(await this.records.blockIdentityProvider(citizenKey, slug)))
      throw new IdentityProviderNotFoundException();
    this.logger.log(`identity provider ${slug} blocked by a citizen`);
    return { kind: 'account-blocked', accountName: provider.name };
  }

  async unblockIdentityProvider(
    citizenKey: string,
    slug: string,
  ): Promise<DashboardNotice> {
    const provider = await this.knownIdentityProvider(citizenKey, slug);
    if (!(await this.records.unblockIdentityProvider(citizenKey, slug)))
      throw new IdentityProviderNotFoundException();
    this.logger.log(`identity provider ${slug} unblocked by a citizen`);
    return { kind: 'account-unblocked', accountName: provider.name };
  }

  private async knownIdentityProvider(
    citizenKey: string,
    slug: string,
  ): Promise<IdentityProviderView> {
    const provider = (await this.records.identityProviders(citizenKey)).find(
      (candidate) => candidate.slug === slug,
    );
    if (!provider) throw new IdentityProviderNotFoundException();
    return provider;
  }
}
