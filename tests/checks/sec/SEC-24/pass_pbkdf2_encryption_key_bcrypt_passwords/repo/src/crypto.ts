import crypto from 'node:crypto';

const getKey = (password: string, salt: Buffer) => crypto.pbkdf2Sync(password, salt, 10000, 32, 'sha512');

export function encrypt(value: string, secret: string) {
  const iv = crypto.randomBytes(16);
  const salt = crypto.randomBytes(64);
  const cipher = crypto.createCipheriv('aes-256-gcm', getKey(secret, salt), iv);
  const encrypted = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([salt, iv, cipher.getAuthTag(), encrypted]).toString('base64');
}
