import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from '../../src/main/services/passwords';
import { IMPORTED_OPERATOR_PASSWORD_HASH } from '../../src/main/services/import-service';

describe('which stored values are password hashes', () => {
  it.each([
    ['a hash the desk made', 'scrypt$1024$c2FsdA==$aGFzaA==', true],
    ['an imported operator: no usable password', IMPORTED_OPERATOR_PASSWORD_HASH, false],
    ['an empty value', '', false],
    ['another scheme', 'bcrypt$10$c2FsdA==$aGFzaA==', false],
    ['a cost that is not a number', 'scrypt$many$c2FsdA==$aGFzaA==', false],
    ['no salt', 'scrypt$1024$$aGFzaA==', false],
  ])('%s', (_name, stored, expected) => {
    expect(isPasswordHash(stored)).toBe(expected);
  });

  it('checks a password against a hash it made, and never against something that is not one', async () => {
    const stored = await hashPassword('correct horse battery', 1024);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('wrong', stored)).toBe(false);
    expect(await verifyPassword('', IMPORTED_OPERATOR_PASSWORD_HASH)).toBe(false);
  });
});
