import type { DefaultColorScheme } from '@codegouvfr/react-dsfr/next-app-router';

/** Follows the visitor's system preference; the footer's "Paramètres d'affichage" lets them override it. */
export const defaultColorScheme: DefaultColorScheme = 'system';
