import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { InteractionExpiredError } from '../errors/core-errors';
import { renderCoreError } from '../pages/core-pages';
import { LogoutChain } from './logout-chain';

@Controller('logout')
export class LogoutController {
  constructor(private readonly logoutChain: LogoutChain) {}

  /** Back from the FI logout: finish the core's own logout, which returns to the FS. */
  @Get('resume/:reference')
  async resume(
    @Param('reference') reference: string,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.logoutChain.resume(reference);
    res.setHeader('cache-control', 'no-store');
    if (!page) {
      const error = new InteractionExpiredError();
      res.status(error.status).type('html').send(renderCoreError(error));
      return;
    }
    res.status(200).type('html').send(page);
  }
}
