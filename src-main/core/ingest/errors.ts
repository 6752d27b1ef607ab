import type { Rejection } from '../../../shared/model';

/**
 * Thrown by readers for bad input. Carries a Rejection that names the line or page, so the import
 * pipeline can report it and go on with the rest of the batch. Anything else thrown is a bug.
 */
export class ReaderError extends Error {
  readonly rejection: Rejection;
  constructor(rejection: Rejection) {
    super(rejection.reason);
    this.name = 'ReaderError';
    this.rejection = rejection;
  }
}

export function reject(
  reason: string,
  where: { line?: number; page?: number; code?: Rejection['code']; ocr?: Rejection['ocr'] } = {},
): never {
  throw new ReaderError({ reason, ...where });
}
