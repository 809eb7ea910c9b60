import bcrypt from 'bcryptjs';
import CredentialsProvider from 'next-auth/providers/credentials';
import { prisma } from './db';

export const authOptions = {
  providers: [
    CredentialsProvider({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const user = await prisma.user.findUnique({ where: { email: credentials?.email } });
        if (!user || !(await bcrypt.compare(credentials!.password, user.passwordHash))) return null;
        return { id: user.id, email: user.email };
      },
    }),
  ],
};
