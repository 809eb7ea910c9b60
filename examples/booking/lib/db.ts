import { PrismaClient } from '@prisma/client';
import './env';

// One client per process. In development Next.js re-evaluates modules on every
// change, so the instance is parked on globalThis to avoid exhausting the pool.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma =
  globalForPrisma.prisma ??
  new PrismaClient({
    log: process.env.NODE_ENV === 'development' ? ['query', 'warn', 'error'] : ['warn', 'error'],
  });

if (process.env.NODE_ENV !== 'production') {
  globalForPrisma.prisma = prisma;
}
