import { Module } from '@nestjs/common';
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
