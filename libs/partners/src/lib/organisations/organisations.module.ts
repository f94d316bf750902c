import { Module } from '@nestjs/common';
import { EstablishmentsService } from './establishments.service';
import { JoinService } from './join.service';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { SiretController } from './siret.controller';

/** Organisations by SIRET: directory look-up, the three join cases, members, moderation by platform admins. */
@Module({
  controllers: [SiretController, OrganisationsController, ModerationController],
  providers: [
    EstablishmentsService,
    JoinService,
    OrganisationsService,
    ModerationService,
  ],
  exports: [EstablishmentsService, JoinService, OrganisationsService],
})
export class OrganisationsModule {}
