export function consentData(): string {
  return 'consent-data';
}
