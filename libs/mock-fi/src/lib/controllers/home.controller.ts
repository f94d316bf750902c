import { Controller, Get, Header, Inject, UseFilters } from '@nestjs/common';
import { MockFiPageExceptionFilter } from '../exceptions/mock-fi-page.filter';
import { MOCK_FI_OPTIONS } from '../mock-fi.tokens';
import type { MockFiOptions } from '../mock-fi.config';
import { MockIdentityProviderRegistry } from '../mock-identity-provider.registry';
import { renderHomePage } from '../pages/home.page';

@Controller()
@UseFilters(MockFiPageExceptionFilter)
export class HomeController {
  constructor(
    private readonly registry: MockIdentityProviderRegistry,
    @Inject(MOCK_FI_OPTIONS) private readonly options: MockFiOptions,
  ) {}

  /** The list of FIs and their discovery URLs. */
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  home(): string {
    return renderHomePage(this.registry.all(), this.options.clientId);
  }
}
