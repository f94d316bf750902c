export function coreData(): string {
  return 'core-data';
}
