import type { MockFsOptions } from './mock-fs.config';
import { MOCK_SERVICES, type MockServiceId } from './mock-services';
import { CookieSealer } from './session/cookie-sealer';
import { DemoService } from './demo-service';

/** The demo services of this process, by id. */
export class DemoServices {
  private readonly byId: ReadonlyMap<string, DemoService>;

  constructor(options: MockFsOptions) {
    const sealer = new CookieSealer(options.cookieSecret);
    this.byId = new Map(MOCK_SERVICES.map((definition) => [definition.id, new DemoService(definition, options, sealer)]));
  }

  get(id: MockServiceId): DemoService {
    return this.byId.get(id) as DemoService;
  }

  /** The service to suggest from `id`'s pages to show single sign-on. */
  otherThan(id: MockServiceId): DemoService {
    return [...this.byId.values()].find((service) => service.definition.id !== id) as DemoService;
  }
}
