import { Body, Injectable, type PipeTransform } from '@nestjs/common';
import { MalformedRequestError, ValidationFailedError } from '../../common/partners.errors';

/** Actions that take no input (submit, reopen) refuse a body with fields, like any DTO refuses unknown fields. */
@Injectable()
export class EmptyBodyPipe implements PipeTransform {
  transform(value: unknown): undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw new MalformedRequestError();
    const fields = Object.keys(value);
    if (fields.length > 0) throw new ValidationFailedError(fields.map((field) => ({ field, messages: ['Ce champ n’est pas attendu.'] })));
    return undefined;
  }
}

export const EmptyBody = (): ParameterDecorator => Body(EmptyBodyPipe);
