export function partnersData(): string {
  return 'partners-data';
}
