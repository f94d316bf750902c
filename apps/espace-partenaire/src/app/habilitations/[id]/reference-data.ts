import 'server-only';

import type { CatalogueView, VendorView } from '@federation/partners-contracts';

import { callApi } from '../../../server/partners-api';

const EMPTY_CATALOGUE: CatalogueView = {
  claims: [],
  eidasLevels: [],
  steps: [],
};

/** The catalogue (claims' French labels, eIDAS levels); an empty one if partners-api does not answer. */
export async function loadCatalogue(): Promise<CatalogueView> {
  const result = await callApi<CatalogueView>('GET', '/api/catalogue');
  return result.ok ? result.data : EMPTY_CATALOGUE;
}

/** The partner vendors one may choose. */
export async function loadVendors(): Promise<VendorView[]> {
  const result = await callApi<VendorView[]>('GET', '/api/vendors');
  return result.ok ? result.data : [];
}
