export function queue(): string {
  return 'queue';
}
