import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { HABILITATION_STEPS, type FieldError, type HabilitationContent, type HabilitationStep, type StepProgress } from '@federation/partners-contracts';
import { VendorEntity } from '@federation/partners-data';
import { stepFieldErrors } from './habilitation-steps';

const INACTIVE_VENDOR = 'Cet éditeur n’est pas (ou plus) référencé : choisissez un éditeur de la liste.';

/** The rules of every step applied to saved content, plus what only the database knows (the vendor is active). */
@Injectable()
export class HabilitationContentChecker {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The field error of a project step whose vendor is unknown or deactivated, if any. */
  async vendorError(vendorId: string | null, manager: EntityManager = this.dataSource.manager): Promise<FieldError | undefined> {
    if (vendorId === null) return undefined;
    const active = await manager.existsBy(VendorEntity, { id: vendorId, active: true });
    return active ? undefined : { field: 'vendorId', messages: [INACTIVE_VENDOR] };
  }

  /** Per step: complete, or the errors to fix (paths relative to the step). A step never saved is incomplete without errors. */
  async progress(content: HabilitationContent, manager?: EntityManager): Promise<StepProgress[]> {
    const errors = await this.errorsByStep(content, manager);
    return HABILITATION_STEPS.map((step) => ({
      step,
      complete: content[step] !== undefined && errors[step].length === 0,
      errors: content[step] === undefined ? [] : errors[step],
    }));
  }

  /** Everything a submission must fix, paths prefixed by the step (`contacts.dpo.email`; `legal` for a missing step). */
  async submissionErrors(content: HabilitationContent, manager?: EntityManager): Promise<FieldError[]> {
    const errors = await this.errorsByStep(content, manager);
    return HABILITATION_STEPS.flatMap((step) =>
      errors[step].map((error) => ({ ...error, field: error.field === step ? step : `${step}.${error.field}` })),
    );
  }

  private async errorsByStep(content: HabilitationContent, manager?: EntityManager): Promise<Record<HabilitationStep, FieldError[]>> {
    const errors = Object.fromEntries(HABILITATION_STEPS.map((step) => [step, stepFieldErrors(step, content[step])])) as Record<
      HabilitationStep,
      FieldError[]
    >;
    const project = content.project;
    if (project && errors.project.length === 0 && project.usesVendorSolution) {
      const vendorError = await this.vendorError(project.vendorId, manager);
      if (vendorError) errors.project.push(vendorError);
    }
    return errors;
  }
}
