import { describe, expect, it } from 'vitest';
import { AppError, isAppError, toPublicError } from './errors';

describe('isAppError', () => {
  it('recognises an AppError from another bundle’s copy of this module by its shape, and nothing else', () => {
    const foreign = Object.assign(new Error('Too many sign-up attempts.'), { name: 'AppError', code: 'RATE_LIMITED' });
    expect(isAppError(new AppError('NOT_FOUND', 'gone'))).toBe(true);
    expect(isAppError(foreign)).toBe(true);
    expect(toPublicError(foreign)).toEqual({ code: 'RATE_LIMITED', message: 'Too many sign-up attempts.' });
    expect(isAppError(new Error('boom'))).toBe(false);
    expect(isAppError(Object.assign(new Error('x'), { name: 'AppError' }))).toBe(false);
  });
});
