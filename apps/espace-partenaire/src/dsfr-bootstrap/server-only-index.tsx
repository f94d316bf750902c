import {
  createGetHtmlAttributes,
  DsfrHeadBase,
  type DsfrHeadProps,
} from '@codegouvfr/react-dsfr/next-app-router/server-only-index';
import Link from 'next/link';

import { defaultColorScheme } from './default-color-scheme';

export const { getHtmlAttributes } = createGetHtmlAttributes({
  defaultColorScheme,
});

/** Favicons, colour-scheme script and the DSFR stylesheet (CSS, Marianne fonts, icons). */
export function DsfrHead(props: DsfrHeadProps) {
  return <DsfrHeadBase Link={Link} {...props} />;
}
