import { prisma } from '../lib/db';
it('seeds', async () => {
  const name = 'x';
  await prisma.$executeRawUnsafe(`DELETE FROM "Booking" WHERE name = '${name}'`);
});
