export function reason(user: unknown) {
  return { reason: user ? 'bad_password' : 'unknown_user', token_type: 'Bearer' };
}
export const passwordPolicy = { passwordMinLength: 12, passwordRegex: '^(?=.*[A-Z]).{12,}$' };
