import bcrypt from 'bcryptjs';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

export const authOptions: NextAuthOptions = {
  providers: [CredentialsProvider({
    credentials: { email: {}, password: {} },
    async authorize(credentials) {
      const user = await findUser(credentials?.email);
      return user && (await bcrypt.compare(credentials!.password, user.hash)) ? user : null;
    },
  })],
};
