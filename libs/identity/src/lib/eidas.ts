/** eIDAS levels of assurance, as carried in the OIDC `acr` claim (lowest first). */
export const EIDAS_LEVELS = ['eidas1', 'eidas2', 'eidas3'] as const;

export type EidasLevel = (typeof EIDAS_LEVELS)[number];

/** French names of the levels, as the regulation calls them (shown to citizens and partners). */
export const EIDAS_LABELS: Record<EidasLevel, string> = {
  eidas1: 'Faible',
  eidas2: 'Substantiel',
  eidas3: 'Élevé',
};

export function isEidasLevel(value: unknown): value is EidasLevel {
  return (
    typeof value === 'string' &&
    (EIDAS_LEVELS as readonly string[]).includes(value)
  );
}

export function eidasRank(level: EidasLevel): 1 | 2 | 3 {
  return (EIDAS_LEVELS.indexOf(level) + 1) as 1 | 2 | 3;
}

/**
 * true when `returned` is a known level whose rank ≥ requested's. undefined/unknown returned → false
 * (an FI that does not say how it authenticated the citizen cannot satisfy any requirement).
 */
export function acrSatisfies(
  returned: string | undefined,
  requested: EidasLevel,
): boolean {
  return isEidasLevel(returned) && eidasRank(returned) >= eidasRank(requested);
}
