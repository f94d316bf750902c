import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IDENTITY_CLAIMS } from '@federation/identity';
import type { Contact, FieldError, HabilitationStep, HabilitationStepContent } from '@federation/partners-contracts';
import { toFieldErrors } from '../../common/validation';
import { ContactsStepDto } from './contacts-step.dto';
import { DataStepDto } from './data-step.dto';
import { LegalStepDto } from './legal-step.dto';
import { ProjectStepDto } from './project-step.dto';
import { TermsStepDto } from './terms-step.dto';

export interface StepDtos {
  project: ProjectStepDto;
  data: DataStepDto;
  legal: LegalStepDto;
  contacts: ContactsStepDto;
  terms: TermsStepDto;
}

/** The body each step's PUT accepts; the same rules check the saved content before a submission. */
export const STEP_DTOS: { [S in HabilitationStep]: new () => StepDtos[S] } = {
  project: ProjectStepDto,
  data: DataStepDto,
  legal: LegalStepDto,
  contacts: ContactsStepDto,
  terms: TermsStepDto,
};

const contact = (dto: Contact): Contact => ({
  givenName: dto.givenName,
  familyName: dto.familyName,
  email: dto.email,
  phone: dto.phone,
  jobTitle: dto.jobTitle,
});

/** What is stored for a validated step body: exactly the contract's shape, claims in catalogue order. */
export function toStepContent<S extends HabilitationStep>(step: S, dto: StepDtos[S]): HabilitationStepContent[S] {
  const converters: { [K in HabilitationStep]: (value: StepDtos[K]) => HabilitationStepContent[K] } = {
    project: (value) => ({
      projectName: value.projectName,
      description: value.description,
      usesVendorSolution: value.usesVendorSolution,
      vendorId: value.usesVendorSolution ? value.vendorId : null,
    }),
    data: (value) => ({
      claims: IDENTITY_CLAIMS.filter((claim) => value.claims.includes(claim)),
      eidasLevel: value.eidasLevel,
    }),
    legal: (value) => ({
      legalBasisText: value.legalBasisText,
      legalBasisUrl: value.legalBasisUrl,
      retentionMonths: value.retentionMonths,
      retentionJustification: value.retentionJustification ?? null,
    }),
    contacts: (value) => ({
      dataController: contact(value.dataController),
      dpo: contact(value.dpo),
      technicalContact: contact(value.technicalContact),
    }),
    terms: (value) => ({ termsAccepted: value.termsAccepted }),
  };
  return converters[step](dto);
}

/**
 * The field errors of a saved step, by the same rules as its PUT (paths relative to the step).
 * Content saved under older rules shows its problems here instead of slipping through a submission.
 */
export function stepFieldErrors(step: HabilitationStep, value: unknown): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [{ field: step, messages: ['Cette étape n’est pas encore remplie.'] }];
  const instance = plainToInstance(STEP_DTOS[step] as new () => object, value);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return toFieldErrors(errors);
}
