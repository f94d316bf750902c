import { familyQuotientOf, studentStatusOf, taxDataOf } from './fake-data';

const CITIZEN = { given_name: 'Angela Claire Louise', family_name: 'DUBOIS', birthdate: '1962-08-24' };
const NOW = new Date('2026-11-21T10:00:00Z');

describe('fake data of the demo data providers', () => {
  it('gives the same citizen the same figures, every time', () => {
    expect(taxDataOf({ ...CITIZEN, gender: 'female' }, NOW)).toEqual(taxDataOf(CITIZEN, NOW));
    expect(familyQuotientOf(CITIZEN, NOW)).toEqual(familyQuotientOf(CITIZEN, NOW));
    expect(studentStatusOf(CITIZEN, NOW)).toEqual(studentStatusOf(CITIZEN, NOW));
  });

  it('gives plausible figures: income of the previous year in euros, parts by half, a monthly quotient', () => {
    const tax = taxDataOf(CITIZEN, NOW);
    expect(tax.incomeYear).toBe(2025);
    expect(Number.isInteger(tax.referenceTaxIncome)).toBe(true);
    expect(tax.referenceTaxIncome).toBeGreaterThanOrEqual(4_000);
    expect(tax.referenceTaxIncome).toBeLessThan(80_000);
    expect(tax.taxShares * 2).toBe(Math.round(tax.taxShares * 2));

    expect(familyQuotientOf(CITIZEN, NOW)).toMatchObject({ month: 11, year: 2026 });
  });

  it('counts the academic year from September', () => {
    expect(studentStatusOf(CITIZEN, NOW).academicYear).toBe('2026-2027');
    expect(studentStatusOf(CITIZEN, new Date('2026-06-01T00:00:00Z')).academicYear).toBe('2025-2026');
  });

  it('names an establishment and a level for a student, none otherwise', () => {
    const statuses = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((family_name) =>
      studentStatusOf({ ...CITIZEN, family_name }, NOW),
    );
    for (const status of statuses) {
      if (status.isStudent) expect(status).toMatchObject({ establishment: { uai: expect.any(String), name: expect.any(String) }, studyLevel: expect.any(String) });
      else expect(status).not.toHaveProperty('establishment');
    }
    expect(new Set(statuses.map((status) => status.isStudent)).size).toBe(2);
  });
});
