import { Injectable } from '@nestjs/common';
import { IsNull, Not, type EntityManager } from 'typeorm';
import type { MailJob } from '@federation/queue';
import type { HabilitationContent } from '@federation/partners-contracts';
import { AccountEntity, type HabilitationRequestEntity, type OrganisationEntity } from '@federation/partners-data';
import { MailOutbox } from '../common/mail-outbox';
import { frenchLongDate, implicitRejectionDate } from './habilitation-dates';

type Decision = 'request_changes' | 'validate' | 'refuse' | 'revoke';

/** The e-mails of the workflow, as outbox jobs: the caller adds them in its transaction. */
@Injectable()
export class HabilitationMails {
  constructor(private readonly outbox: MailOutbox) {}

  applicantUrl(requestId: string): string {
    return `${this.outbox.portalUrl}/habilitations/${requestId}`;
  }

  instructorUrl(requestId: string): string {
    return `${this.outbox.portalUrl}/admin/habilitations/${requestId}`;
  }

  /** The instructors: every platform admin whose address is verified. */
  async instructorAddresses(manager: EntityManager): Promise<string[]> {
    const admins = await manager.find(AccountEntity, {
      select: { email: true },
      where: { isPlatformAdmin: true, emailVerifiedAt: Not(IsNull()) },
      order: { email: 'ASC' },
    });
    return admins.map((admin) => admin.email);
  }

  /** The acknowledgment to the submitter (with the implicit rejection date) and the notice to every instructor. */
  submitted(
    request: HabilitationRequestEntity,
    organisation: OrganisationEntity,
    submitterEmail: string,
    instructors: string[],
    isUpdate: boolean,
  ): MailJob[] {
    const projectName = request.projectName ?? '';
    return [
      {
        template: 'habilitation-submitted',
        to: submitterEmail,
        data: {
          projectName,
          organisationName: organisation.name,
          requestUrl: this.applicantUrl(request.id),
          implicitRejectionDate: frenchLongDate(implicitRejectionDate(request.submittedAt ?? new Date())),
        },
      },
      ...instructors.map(
        (to): MailJob => ({
          template: 'habilitation-to-instruct',
          to,
          data: { projectName, organisationName: organisation.name, siret: organisation.siret, reviewUrl: this.instructorUrl(request.id), isUpdate },
        }),
      ),
    ];
  }

  /**
   * One decision of the instructor. The submitter always hears of it; a validation also tells the
   * data controller and the DPO they were designated, and sends the technical contact to the portal.
   */
  decided(
    decision: Decision,
    request: HabilitationRequestEntity,
    organisation: OrganisationEntity,
    submitterEmail: string,
    message: string | null,
    isUpdate: boolean,
  ): MailJob[] {
    const projectName = request.projectName ?? '';
    const requestUrl = this.applicantUrl(request.id);
    switch (decision) {
      case 'request_changes':
        return [{ template: 'habilitation-changes-requested', to: submitterEmail, data: { projectName, message: message ?? '', requestUrl } }];
      case 'refuse':
        return [{ template: 'habilitation-refused', to: submitterEmail, data: { projectName, reason: message ?? '', requestUrl, isUpdate } }];
      case 'revoke':
        return [{ template: 'habilitation-revoked', to: submitterEmail, data: { projectName, reason: message ?? '', requestUrl } }];
      case 'validate':
        return [
          { template: 'habilitation-validated', to: submitterEmail, data: { projectName, organisationName: organisation.name, message, requestUrl } },
          ...this.validatedContacts(request.validatedContent, projectName, organisation.name),
        ];
    }
  }

  /** A new message in the thread: to the instructors when an applicant writes, to the submitter when the instructor does. */
  message(request: HabilitationRequestEntity, recipients: string[], fromInstructor: boolean): MailJob[] {
    const requestUrl = fromInstructor ? this.applicantUrl(request.id) : this.instructorUrl(request.id);
    return recipients.map((to) => ({ template: 'habilitation-message', to, data: { projectName: request.projectName ?? '', requestUrl, fromInstructor } }));
  }

  private validatedContacts(content: HabilitationContent | null, projectName: string, organisationName: string): MailJob[] {
    const contacts = content?.contacts;
    if (!contacts) return [];
    return [
      { template: 'habilitation-designated', to: contacts.dataController.email, data: { projectName, organisationName, designation: 'data_controller' } },
      { template: 'habilitation-designated', to: contacts.dpo.email, data: { projectName, organisationName, designation: 'dpo' } },
      { template: 'habilitation-technical-contact', to: contacts.technicalContact.email, data: { projectName, organisationName, portalUrl: this.outbox.portalUrl } },
    ];
  }
}
