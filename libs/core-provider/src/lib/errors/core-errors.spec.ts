import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as catalogue from './core-errors';
import { CoreError } from './core-errors';

type ErrorClass = new (oidcCode: string) => CoreError;
const errorClasses = (Object.values(catalogue) as unknown[]).filter(
  (value): value is ErrorClass => typeof value === 'function' && (value as { prototype: unknown }).prototype instanceof CoreError,
);
const instances = errorClasses.map((ErrorClass) => new ErrorClass('invalid_request'));

describe('the error catalogue of the citizen pages', () => {
  it('gives every failure its own stable code', () => {
    const codes = instances.map((error) => error.code);

    expect(codes.every((code) => /^Y\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('speaks French to the citizen and says what to do', () => {
    for (const error of instances) {
      expect(error.title).toMatch(/[a-zé]/);
      expect(error.userMessage.length).toBeGreaterThan(40);
      expect(error.userMessage).not.toMatch(/\b(error|failed|invalid)\b/i);
    }
  });

  it('is documented: every code appears in docs/citizen-login.md', () => {
    const documentation = readFileSync(join(__dirname, '../../../../../docs/citizen-login.md'), 'utf8');

    for (const error of instances) expect({ code: error.code, documented: documentation.includes(`| ${error.code} |`) }).toEqual({ code: error.code, documented: true });
  });

  it('maps the gateway failure codes to catalogue errors', () => {
    expect(catalogue.errorFromGatewayCode('identity_invalid')).toBeInstanceOf(catalogue.InvalidIdentityError);
    expect(catalogue.errorFromGatewayCode('acr_too_low')).toBeInstanceOf(catalogue.AcrTooLowError);
    expect(catalogue.errorFromGatewayCode('fi_unknown')).toBeInstanceOf(catalogue.IdentityProviderNotAllowedError);
    expect(catalogue.errorFromGatewayCode('anything else')).toBeInstanceOf(catalogue.IdentityProviderFailureError);
  });
});
