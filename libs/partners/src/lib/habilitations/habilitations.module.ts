import { Module } from '@nestjs/common';
import { ServiceProvidersModule } from '../service-providers/service-providers.module';
import { HabilitationContentChecker } from './content/habilitation-content.checker';
import { HabilitationAccess } from './habilitation-access';
import { HabilitationInstructionController } from './habilitation-instruction.controller';
import { HabilitationInstructionService } from './habilitation-instruction.service';
import { HabilitationMails } from './habilitation-mails';
import { HabilitationQueueService } from './habilitation-queue.service';
import { HabilitationRequestsController } from './habilitation-requests.controller';
import { HabilitationRequestsService } from './habilitation-requests.service';
import { HabilitationThreadService } from './habilitation-thread.service';
import { HabilitationViews } from './habilitation-views';

/** Habilitation requests: the applicants fill and submit them, the platform admins instruct them. */
@Module({
  // The decisions create, update and revoke the habilitation's clients in their own transaction.
  imports: [ServiceProvidersModule],
  controllers: [HabilitationRequestsController, HabilitationInstructionController],
  providers: [
    HabilitationAccess,
    HabilitationContentChecker,
    HabilitationViews,
    HabilitationMails,
    HabilitationThreadService,
    HabilitationRequestsService,
    HabilitationInstructionService,
    HabilitationQueueService,
  ],
})
export class HabilitationsModule {}
