export function mail(): string {
  return 'mail';
}
