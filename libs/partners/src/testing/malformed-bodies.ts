/** Bodies a careless or hostile client may send: the batteries of malformed input of every endpoint. */
export interface MalformedCase {
  name: string;
  body: string;
  contentType?: string;
  /** Fields the answer must name in `errors`. */
  fields?: string[];
}

/**
 * Everything a careless or hostile client may send instead of `valid`. `missingReportedAs`: the
 * fields named when one is missing, if not itself (a verification without its token asks for the code).
 */
export function malformedBodies(
  valid: Record<string, unknown>,
  missingReportedAs: Record<string, string[]> = {},
): MalformedCase[] {
  const reportedMissing = (field: string) =>
    missingReportedAs[field] ?? [field];
  const cases: MalformedCase[] = [
    {
      name: 'an empty object',
      body: '{}',
      fields: Object.keys(valid).flatMap(reportedMissing),
    },
    { name: 'an array instead of an object', body: JSON.stringify([valid]) },
    { name: 'a JSON string', body: '"texte"' },
    { name: 'JSON null', body: 'null' },
    { name: 'truncated JSON', body: JSON.stringify(valid).slice(0, -2) },
    {
      name: 'a form instead of JSON',
      body: new URLSearchParams(valid as Record<string, string>).toString(),
      contentType: 'application/x-www-form-urlencoded',
    },
    {
      name: 'an unknown field',
      body: JSON.stringify({ ...valid, isPlatformAdmin: true }),
      fields: ['isPlatformAdmin'],
    },
  ];
  for (const field of Object.keys(valid)) {
    const rest = Object.fromEntries(
      Object.entries(valid).filter(([name]) => name !== field),
    );
    cases.push({
      name: `${field} missing`,
      body: JSON.stringify(rest),
      fields: reportedMissing(field),
    });
    const wrongValues: [string, unknown][] = [
      ['a number', 42],
      ['a boolean', true],
      ['null', null],
      ['an object', { $ne: '' }],
      ['an array', ['a', 'b']],
      ['a huge string', 'x'.repeat(20_000)],
    ];
    for (const [label, value] of wrongValues)
      cases.push({
        name: `${field} as ${label}`,
        body: JSON.stringify({ ...rest, [field]: value }),
        fields: [field],
      });
  }
  return cases;
}
