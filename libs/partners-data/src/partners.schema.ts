import type { ServiceSchema } from '@federation/database';
import { AccountEntity } from './entities/account.entity';
import { AuditLogEntity } from './entities/audit-log.entity';
import { HabilitationEventEntity } from './entities/habilitation-event.entity';
import { HabilitationMessageEntity } from './entities/habilitation-message.entity';
import { HabilitationRequestEntity } from './entities/habilitation-request.entity';
import { MailOutboxEntity } from './entities/mail-outbox.entity';
import { MembershipEntity } from './entities/membership.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { VendorEntity } from './entities/vendor.entity';
import { ClientPublicationEntity } from './entities/client-publication.entity';
import { ClientSecretEntity } from './entities/client-secret.entity';
import { ProductionRequestEntity } from './entities/production-request.entity';
import { ServiceProviderEntity } from './entities/service-provider.entity';
import { ApiHabilitationRequestEntity } from './entities/api-habilitation-request.entity';
import { CreatePartnersSchema1763690000000 } from './migrations/1763690000000-create-partners-schema';
import { CreatePartnersTables1763780000000 } from './migrations/1763780000000-create-partners-tables';
import { HabilitationQueueSearchIndex1763800000000 } from './migrations/1763800000000-habilitation-queue-search-index';
import { ServiceProviders1763900000000 } from './migrations/1763900000000-service-providers';
import { LoginStatistics1764000000000 } from './migrations/1764000000000-login-statistics';
import { IntegrationChecks1764000100000 } from './migrations/1764000100000-integration-checks';
import { ApiHabilitationRequests1764100100000 } from './migrations/1764100100000-api-habilitation-requests';

export const PARTNERS_ENTITIES = [
  AccountEntity,
  OrganisationEntity,
  MembershipEntity,
  VendorEntity,
  HabilitationRequestEntity,
  HabilitationEventEntity,
  HabilitationMessageEntity,
  AuditLogEntity,
  MailOutboxEntity,
  ServiceProviderEntity,
  ClientSecretEntity,
  ClientPublicationEntity,
  ProductionRequestEntity,
  ApiHabilitationRequestEntity,
];

/** Storage of the partners service: its entities and its migrations, in order. */
export const PARTNERS_SCHEMA: ServiceSchema = {
  name: 'partners',
  entities: PARTNERS_ENTITIES,
  migrations: [CreatePartnersSchema1763690000000, CreatePartnersTables1763780000000, HabilitationQueueSearchIndex1763800000000, ServiceProviders1763900000000, LoginStatistics1764000000000, IntegrationChecks1764000100000, ApiHabilitationRequests1764100100000],
};
