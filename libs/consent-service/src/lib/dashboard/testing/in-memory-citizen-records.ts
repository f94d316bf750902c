import type {
  CitizenRecords,
  ConnectionView,
  ConsentView,
  DataAccessView,
  IdentityProviderView,
} from '../../records/citizen-records.types';

/*
 * Test-only: CitizenRecords kept in memory, following the contract of the interface (the real,
 * database-backed implementation has its own tests). Every call is recorded for assertions.
 */

type Keyed<T> = T & { citizenKey: string };

export class InMemoryCitizenRecords implements CitizenRecords {
  readonly calls: Array<{
    method: keyof CitizenRecords;
    citizenKey: string;
    since?: Date;
    argument?: string;
  }> = [];
  /** Set by a test to make every read fail (the database is down). */
  failing = false;

  private readonly connectionRows: Array<Keyed<ConnectionView>> = [];
  private readonly dataAccessRows: Array<Keyed<DataAccessView>> = [];
  private readonly consentRows: Array<Keyed<ConsentView>> = [];
  private readonly identityProviderRows: Array<
    Omit<IdentityProviderView, 'blocked' | 'blockedAt'>
  > = [];
  private readonly blocks = new Map<string, Date>();

  /** Forgets every row, block and call. */
  reset(): void {
    for (const rows of [
      this.calls,
      this.connectionRows,
      this.dataAccessRows,
      this.consentRows,
      this.identityProviderRows,
    ])
      rows.length = 0;
    this.blocks.clear();
    this.failing = false;
  }

  addConnection(citizenKey: string, connection: ConnectionView): void {
    this.connectionRows.push({ citizenKey, ...connection });
  }

  addDataAccess(citizenKey: string, access: DataAccessView): void {
    this.dataAccessRows.push({ citizenKey, ...access });
  }

  addConsent(citizenKey: string, consent: ConsentView): void {
    this.consentRows.push({ citizenKey, ...consent });
  }

  addIdentityProvider(slug: string, name: string): void {
    this.identityProviderRows.push({ slug, name });
  }

  /** The consent as stored, whoever it belongs to. */
  consent(id: string): ConsentView | undefined {
    const row = this.consentRows.find((candidate) => candidate.id === id);
    return row && withoutKey(row);
  }

  isBlocked(citizenKey: string, slug: string): boolean {
    return this.blocks.has(`${citizenKey}/${slug}`);
  }

  async connections(
    citizenKey: string,
    since: Date,
    limit = 100,
  ): Promise<ConnectionView[]> {
    this.record('connections', citizenKey, since);
    return this.select(
      this.connectionRows,
      citizenKey,
      (row) => row.connectedAt,
      since,
    ).slice(0, limit);
  }

  async dataAccesses(
    citizenKey: string,
    since: Date,
    limit = 100,
  ): Promise<DataAccessView[]> {
    this.record('dataAccesses', citizenKey, since);
    return this.select(
      this.dataAccessRows,
      citizenKey,
      (row) => row.lastAccessedAt,
      since,
    ).slice(0, limit);
  }

  async consents(citizenKey: string, since: Date): Promise<ConsentView[]> {
    this.record('consents', citizenKey, since);
    return this.select(
      this.consentRows,
      citizenKey,
      (row) => row.grantedAt,
      since,
    );
  }

  async revokeConsent(citizenKey: string, consentId: string): Promise<boolean> {
    this.record('revokeConsent', citizenKey, undefined, consentId);
    const row = this.consentRows.find(
      (candidate) =>
        candidate.id === consentId && candidate.citizenKey === citizenKey,
    );
    if (!row || row.revokedAt) return false;
    row.revokedAt = new Date();
    row.active = false;
    return true;
  }

  async identityProviders(citizenKey: string): Promise<IdentityProviderView[]> {
    this.record('identityProviders', citizenKey);
    return this.identityProviderRows.map((provider) => {
      const blockedAt =
        this.blocks.get(`${citizenKey}/${provider.slug}`) ?? null;
      return { ...provider, blocked: blockedAt !== null, blockedAt };
    });
  }

  async blockIdentityProvider(
    citizenKey: string,
    slug: string,
  ): Promise<boolean> {
    this.record('blockIdentityProvider', citizenKey, undefined, slug);
    if (!this.identityProviderRows.some((provider) => provider.slug === slug))
      return false;
    const key = `${citizenKey}/${slug}`;
    if (!this.blocks.has(key)) this.blocks.set(key, new Date());
    return true;
  }

  async unblockIdentityProvider(
    citizenKey: string,
    slug: string,
  ): Promise<boolean> {
    this.record('unblockIdentityProvider', citizenKey, undefined, slug);
    if (!this.identityProviderRows.some((provider) => provider.slug === slug))
      return false;
    this.blocks.delete(`${citizenKey}/${slug}`);
    return true;
  }

  private record(
    method: keyof CitizenRecords,
    citizenKey: string,
    since?: Date,
    argument?: string,
  ): void {
    this.calls.push({ method, citizenKey, since, argument });
    if (this.failing) throw new Error(`records unavailable for ${citizenKey}`);
  }

  private select<T extends { citizenKey: string }>(
    rows: T[],
    citizenKey: string,
    dateOf: (row: T) => Date,
    since: Date,
  ) {
    return rows
      .filter((row) => row.citizenKey === citizenKey && dateOf(row) >= since)
      .sort((a, b) => dateOf(b).getTime() - dateOf(a).getTime())
      .map(withoutKey);
  }
}

function withoutKey<T extends { citizenKey: string }>(
  row: T,
): Omit<T, 'citizenKey'> {
  const { citizenKey: _citizenKey, ...view } = row;
  return { ...view };
}
