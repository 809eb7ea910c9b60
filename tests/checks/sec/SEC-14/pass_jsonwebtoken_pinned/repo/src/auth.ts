import jwt from 'jsonwebtoken';

const secret = process.env.JWT_SECRET as string;

export function issue(userId: string) {
  return jwt.sign({ sub: userId }, secret, { algorithm: 'HS256', expiresIn: '15m', issuer: 'api' });
}

const verifyOptions = { algorithms: ['HS256'] as jwt.Algorithm[], issuer: 'api' };

export function check(token: string) {
  const claims = jwt.decode(token);
  return jwt.verify(token, secret, verifyOptions) && claims;
}
