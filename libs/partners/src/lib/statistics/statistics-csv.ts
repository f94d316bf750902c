export interface StatisticsCsvRow {
  day: string;
  service: string;
  clientId: string;
  environment: 'sandbox' | 'production';
  identityProvider: string;
  acr: string;
  logins: number;
  failures: number;
}

export const STATISTICS_CSV_HEADER = ['jour', 'service', 'client_id', 'environnement', 'fournisseur_identite', 'niveau_eidas', 'connexions', 'echecs'];

const ENVIRONMENTS = { sandbox: 'bac à sable', production: 'production' } as const;

/**
 * One CSV cell: quoted when it holds the separator, a quote or a line break; a text starting like a
 * formula (= + - @) is prefixed with an apostrophe so a spreadsheet shows it instead of running it.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The figures as a French spreadsheet reads them: `;` separators, CRLF line ends, a UTF-8 BOM. */
export function statisticsCsv(rows: StatisticsCsvRow[]): string {
  const lines = [
    STATISTICS_CSV_HEADER.join(';'),
    ...rows.map((row) =>
      [row.day, row.service, row.clientId, ENVIRONMENTS[row.environment], row.identityProvider, row.acr, row.logins, row.failures].map(csvCell).join(';'),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
