import { MOCK_IDENTITY_PROVIDERS } from './identity-providers';
import type { MockFiOptions } from './mock-fi.config';
import { UnknownIdentityProviderException } from './exceptions/mock-fi.exception';
import {
  createMockIdentityProvider,
  type MockIdentityProvider,
} from './oidc/mock-identity-provider';

/** Every mock FI of this process, by slug. */
export class MockIdentityProviderRegistry {
  private constructor(
    private readonly bySlug: ReadonlyMap<string, MockIdentityProvider>,
  ) {}

  static async create(
    options: MockFiOptions,
  ): Promise<MockIdentityProviderRegistry> {
    const identityProviders = await Promise.all(
      MOCK_IDENTITY_PROVIDERS.map((definition) =>
        createMockIdentityProvider(definition, options),
      ),
    );
    return new MockIdentityProviderRegistry(
      new Map(identityProviders.map((fi) => [fi.definition.slug, fi])),
    );
  }

  all(): MockIdentityProvider[] {
    return [...this.bySlug.values()];
  }

  get(slug: string): MockIdentityProvider {
    const identityProvider = this.bySlug.get(slug);
    if (!identityProvider) throw new UnknownIdentityProviderException();
    return identityProvider;
  }
}
