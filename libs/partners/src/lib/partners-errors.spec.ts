import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every `*.errors.ts` of the partners feature, read as source: the catalogue as it is written. */
const libRoot = __dirname;
const catalogue = readdirSync(libRoot, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.errors.ts'))
  .flatMap((file) => {
    const source = readFileSync(join(libRoot, file), 'utf8');
    return [...source.matchAll(/export class (\w+) extends PartnersError \{([\s\S]*?)\n\}/g)].map(([, name, body]) => ({
      file,
      name,
      code: /readonly code = '([^']+)'/.exec(body ?? '')?.[1],
      status: Number(/super\(\s*(\d{3})/.exec(body ?? '')?.[1]),
    }));
  });

describe('the error catalogue of partners-api', () => {
  it('is found in the feature files', () => {
    expect(new Set(catalogue.map((error) => error.file)).size).toBeGreaterThanOrEqual(7);
    expect(catalogue.length).toBeGreaterThan(35);
  });

  it('gives every failure its own stable code and an HTTP error status', () => {
    const codes = catalogue.map((error) => error.code);

    expect(codes.every((code) => /^P0\d{5}$/.test(code ?? ''))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(catalogue.every((error) => error.status >= 400 && error.status < 600)).toBe(true);
  });

  it('is documented: every code is a row of docs/partners-api.md with its status', () => {
    const documentation = readFileSync(join(libRoot, '../../../../docs/partners-api.md'), 'utf8');

    for (const error of catalogue)
      expect({ code: error.code, documented: documentation.includes(`| ${error.code} | ${error.status} |`) }).toEqual({ code: error.code, documented: true });
  });
});
