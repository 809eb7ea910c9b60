import { prisma } from '../../../lib/db';

export async function GET(req: Request) {
  const status = new URL(req.url).searchParams.get('status') ?? undefined;
  const bookings = await prisma.booking.findMany({
    where: { status, userId: 'u1' },
    orderBy: [{ date: 'desc' }, { createdAt: 'asc' }],
  });
  return Response.json(bookings);
}
