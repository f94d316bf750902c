import { Param, ParseUUIDPipe } from '@nestjs/common';
import { NotFoundError } from './partners.errors';

/** A UUID path parameter; anything else cannot name a resource, so it is a 404 like an unknown id. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError() }));
}
