import jwt from 'jsonwebtoken';

const secret = process.env.JWT_SECRET || 'local-dev-signing-key';

export const sign = (sub: string) => jwt.sign({ sub }, secret);
