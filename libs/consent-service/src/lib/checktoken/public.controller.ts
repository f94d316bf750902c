import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AnswerSigner } from './answer-signer';
import { DataProviderRegistry } from '../registry/data-provider-registry';

/** Public documents of the consent service: its signing keys and the data provider catalogue. */
@Controller('api')
export class ConsentPublicController {
  constructor(
    @Inject(AnswerSigner) private readonly signer: AnswerSigner,
    @Inject(DataProviderRegistry) private readonly registry: DataProviderRegistry,
  ) {}

  /** The keys checktoken answers are signed with (data providers verify them). */
  @Get('jwks')
  @Header('cache-control', 'public, max-age=300')
  jwks() {
    return this.signer.publicJwks;
  }

  /** Data providers and the scopes a service provider may ask for, with their French labels. */
  @Get('data-providers')
  @Header('cache-control', 'public, max-age=60')
  async dataProviders() {
    return { dataProviders: await this.registry.catalogue() };
  }
}
