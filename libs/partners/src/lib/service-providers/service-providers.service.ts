import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { issueClientSecret } from '@federation/oidc';
import type { FieldError, IssuedSecretView, ServiceProviderView } from '@federation/partners-contracts';
import { AccountEntity, ClientSecretEntity, HabilitationRequestEntity, ServiceProviderEntity } from '@federation/partners-data';
import { AuditLog } from '../common/audit-log';
import { MailOutbox } from '../common/mail-outbox';
import { ValidationFailedError } from '../common/partners.errors';
import { RateLimiter } from '../common/rate-limiter';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { ClientPublications } from './client-publications';
import { MAX_POST_LOGOUT_URIS, MAX_REDIRECT_URIS, uriErrors, uriListErrors } from './client-uris';
import type { UpdateServiceProviderDto } from './dto/service-provider.dto';
import { endSecretsStillValid, HabilitationClients } from './habilitation-clients';
import { ServiceProviderAccess } from './service-provider-access';
import { byEnvironmentThenCreation, ServiceProviderViews } from './service-provider-views';
import { NothingToChangeError, ProductionClientNotEditableError, ServiceProviderRevokedError } from './service-providers.errors';

const EDITABLE_FIELDS = ['name', 'redirectUris', 'postLogoutRedirectUris', 'idTokenSignedResponseAlg', 'tokenEndpointAuthMethod', 'jwksUri'] as const;
type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * The clients of a habilitation as its organisation's members handle them: read, configure the
 * sandbox, get a secret (shown once) or rotate it. Every change is a new `configVersion` with its
 * publication to the core, in the same transaction, and an audit entry.
 */
@Injectable()
export class ServiceProvidersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
    private readonly access: ServiceProviderAccess,
    private readonly views: ServiceProviderViews,
    private readonly publications: ClientPublications,
    private readonly clients: HabilitationClients,
    private readonly rateLimiter: RateLimiter,
    private readonly auditLog: AuditLog,
    private readonly outbox: MailOutbox,
  ) {}

  async listForMember(account: AccountEntity, habilitationId: string): Promise<ServiceProviderView[]> {
    await this.access.habilitationForMember(account.id, habilitationId);
    return this.listOf(habilitationId);
  }

  async listForAdmin(habilitationId: string): Promise<ServiceProviderView[]> {
    await this.access.habilitation(habilitationId);
    return this.listOf(habilitationId);
  }

  async get(account: AccountEntity, id: string): Promise<ServiceProviderView> {
    return this.views.one(await this.access.serviceProviderForMember(account.id, id));
  }

  /**
   * A new sandbox configuration, checked whole against what it would become (the JWKS URL
   * `private_key_jwt` needs may come with it or be there already); refused, it changes nothing.
   * Saving the same values again still publishes a new version: the way to retry a failed one.
   */
  async update(account: AccountEntity, id: string, dto: UpdateServiceProviderDto): Promise<ServiceProviderView> {
    const given = EDITABLE_FIELDS.filter((field) => dto[field] !== undefined);
    if (given.length === 0) throw new NothingToChangeError();
    const updated = await this.dataSource.transaction(async (manager) => {
      const client = await this.access.serviceProviderForMember(account.id, id, { manager, lock: true });
      if (client.status === 'revoked') throw new ServiceProviderRevokedError();
      if (client.environment !== 'sandbox') throw new ProductionClientNotEditableError();
      const next = { ...client, ...Object.fromEntries(given.map((field) => [field, dto[field]])) } as ServiceProviderEntity;
      const errors = configurationErrors(next, given);
      if (errors.length > 0) throw new ValidationFailedError(errors);

      const changes: Partial<Record<EditableField, { from: unknown; to: unknown }>> = {};
      for (const field of given) if (JSON.stringify(client[field]) !== JSON.stringify(next[field])) changes[field] = { from: client[field], to: next[field] };
      Object.assign(client, Object.fromEntries(given.map((field) => [field, next[field]])));
      client.configVersion += 1;
      const saved = await manager.save(client);
      await this.publications.publish(manager, saved);
      await this.auditLog.record(manager, {
        actorAccountId: account.id,
        action: 'service_provider.update',
        targetType: 'service_provider',
        targetId: saved.id,
        details: { clientId: saved.clientId, configVersion: saved.configVersion, changes },
      });
      return this.views.one(saved, manager);
    });
    await this.publications.flush();
    return updated;
  }

  /**
   * A new secret, shown in this answer only: the database keeps its SHA-256 and its last four
   * characters, the publication its hash. On a rotation the previous current secret keeps working
   * until now + overlap, and any older one still valid stops now: two secrets at most work at once.
   */
  async issueSecret(account: AccountEntity, id: string): Promise<IssuedSecretView> {
    // Checked before counting: a stranger cannot spend the members' allowance.
    await this.access.serviceProviderForMember(account.id, id);
    await this.rateLimiter.consume('client-secret', id, this.options.rateLimits.clientSecretPerClient);
    const issued = issueClientSecret();
    const result = await this.dataSource.transaction(async (manager) => {
      const client = await this.access.serviceProviderForMember(account.id, id, { manager, lock: true });
      if (client.status === 'revoked') throw new ServiceProviderRevokedError();
      const now = new Date();
      const previous = await manager.findOneBy(ClientSecretEntity, { serviceProviderId: client.id, notAfter: IsNull() });
      let previousNotAfter: Date | null = null;
      if (previous) {
        previousNotAfter = new Date(now.getTime() + this.options.secretRotationOverlapMs);
        await endSecretsStillValid(manager, client.id, now, previous.id);
        await manager.update(ClientSecretEntity, { id: previous.id }, { notAfter: previousNotAfter });
      }
      const secret = await manager.save(
        manager.create(ClientSecretEntity, { serviceProviderId: client.id, sha256: issued.sha256, last4: issued.last4, createdBy: account.id, notAfter: null }),
      );
      client.configVersion += 1;
      const saved = await manager.save(client);
      await this.publications.publish(manager, saved, now);
      await this.auditLog.record(manager, {
        actorAccountId: account.id,
        action: previous ? 'service_provider.secret_rotate' : 'service_provider.secret_issue',
        targetType: 'service_provider',
        targetId: saved.id,
        // The end of the secrets only: never a secret nor its hash.
        details: {
          clientId: saved.clientId,
          configVersion: saved.configVersion,
          last4: secret.last4,
          ...(previous ? { previousLast4: previous.last4, previousNotAfter: previousNotAfter?.toISOString() } : {}),
        },
      });
      return { view: await this.views.one(saved, manager), previousNotAfter };
    });
    await this.publications.flush();
    return {
      clientId: result.view.clientId,
      clientSecret: issued.secret,
      last4: issued.last4,
      previousSecretNotAfter: result.previousNotAfter?.toISOString() ?? null,
      serviceProvider: result.view,
    };
  }

  /** An admin stops a client: the core refuses it as soon as the publication is applied. */
  async revoke(admin: AccountEntity, id: string, reason: string): Promise<ServiceProviderView> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const client = await this.access.serviceProvider(id, { manager, lock: true });
      if (client.status === 'revoked') throw new ServiceProviderRevokedError();
      const saved = await this.clients.revoke(manager, client, reason);
      await this.auditLog.record(manager, {
        actorAccountId: admin.id,
        action: 'service_provider.revoke',
        targetType: 'service_provider',
        targetId: saved.id,
        details: { clientId: saved.clientId, environment: saved.environment, habilitationId: saved.habilitationId, reason, configVersion: saved.configVersion },
      });
      // The applicant and the technical contact learn it from us, not from their users' failed logins.
      const habilitation = await manager.findOneByOrFail(HabilitationRequestEntity, { id: saved.habilitationId });
      const recipients = new Set<string>();
      for (const accountId of [habilitation.submittedBy, habilitation.createdBy]) {
        const account = accountId ? await manager.findOne(AccountEntity, { select: { email: true }, where: { id: accountId } }) : null;
        if (account) {
          recipients.add(account.email);
          break;
        }
      }
      const technicalContact = habilitation.validatedContent?.contacts?.technicalContact?.email;
      if (technicalContact) recipients.add(technicalContact.toLowerCase());
      const portalUrl = `${this.outbox.portalUrl}/habilitations/${saved.habilitationId}/acces/${saved.id}`;
      await this.outbox.add(
        manager,
        [...recipients].map((to) => ({
          template: 'service-provider-revoked' as const,
          to,
          data: { serviceName: saved.name, environment: saved.environment, clientId: saved.clientId, reason, portalUrl },
        })),
      );
      return this.views.one(saved, manager);
    });
    await Promise.all([this.publications.flush(), this.outbox.flush()]);
    return revoked;
  }

  private async listOf(habilitationId: string): Promise<ServiceProviderView[]> {
    const clients = await this.dataSource.manager.find(ServiceProviderEntity, { where: { habilitationId } });
    return this.views.many(clients.sort(byEnvironmentThenCreation));
  }
}

/** The field errors of a configuration about to be saved (`given`: the fields the caller sent). */
export function configurationErrors(next: ServiceProviderEntity, given: readonly EditableField[]): FieldError[] {
  const errors: FieldError[] = [];
  if (given.includes('redirectUris')) errors.push(...uriListErrors('redirectUris', next.redirectUris, { min: 1, max: MAX_REDIRECT_URIS }));
  if (given.includes('postLogoutRedirectUris'))
    errors.push(...uriListErrors('postLogoutRedirectUris', next.postLogoutRedirectUris, { min: 0, max: MAX_POST_LOGOUT_URIS }));
  if (given.includes('jwksUri')) errors.push(...uriErrors('jwksUri', next.jwksUri));
  if (next.tokenEndpointAuthMethod === 'private_key_jwt' && !next.jwksUri)
    errors.push({ field: 'jwksUri', messages: ['La méthode private_key_jwt demande l’adresse publique de vos clés (JWKS).'] });
  return errors;
}
