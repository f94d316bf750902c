import { PartnersError } from '../common/partners.errors';

/** P06xxxx: statistics of the services (logins per day, share of each identity provider, CSV export). */

/** The end of the period comes before its start. */
export class PeriodReversedError extends PartnersError {
  readonly code = 'P060001';
  constructor() {
    super(400, 'La période est invalide : la date de fin doit être le même jour que la date de début ou après.', [
      { field: 'to', messages: ['La date de fin doit être le même jour que la date de début ou après.'] },
    ]);
  }
}

/** More than a year (366 days) at once. */
export class PeriodTooLongError extends PartnersError {
  readonly code = 'P060002';
  constructor(maxDays: number) {
    super(400, `La période est trop longue : ${maxDays} jours au plus.`, [
      { field: 'from', messages: [`La période ne peut pas dépasser ${maxDays} jours : choisissez une date de début plus récente.`] },
    ]);
  }
}
