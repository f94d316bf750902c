import { periodErrors } from './period-errors';
import { parsePeriod } from './statistics-format';

describe('the messages under the period fields', () => {
  const period = parsePeriod(
    { periode: 'dates', du: '2026-11-05', au: '2026-11-01' },
    '2026-11-21',
  );

  it('are none when partners-api answered', () => {
    expect(periodErrors(period, { ok: true })).toEqual({});
  });

  it('put partners-api’s messages under Du (from) and Au (to)', () => {
    expect(
      periodErrors(period, {
        ok: false,
        error: {
          statusCode: 400,
          code: 'P060001',
          message: 'La période est invalide.',
          errors: [
            {
              field: 'to',
              messages: ['La date de fin doit suivre la date de début.'],
            },
            { field: 'from', messages: ['Trop tôt.', 'Vraiment.'] },
          ],
        },
      }),
    ).toEqual({
      du: 'Trop tôt. Vraiment.',
      au: 'La date de fin doit suivre la date de début.',
    });
  });

  it('keep the page’s own message for a date it could not read', () => {
    const unreadable = parsePeriod(
      { periode: 'dates', du: '2026-02-30' },
      '2026-11-21',
    );
    expect(
      periodErrors(unreadable, {
        ok: false,
        error: {
          statusCode: 400,
          code: 'P000001',
          message: '…',
          errors: [{ field: 'from', messages: ['Autre.'] }],
        },
      }),
    ).toEqual({ du: 'Saisissez une date valide.' });
  });
});
