// Creates the local development user described in the README.
import { PrismaClient } from '@prisma/client';
import bcrypt from 'bcryptjs';

const prisma = new PrismaClient();

async function main() {
  const password = 'admin123';
  await prisma.user.create({
    data: { email: 'test@test.com', passwordHash: await bcrypt.hash(password, 12) },
  });
}

main();
