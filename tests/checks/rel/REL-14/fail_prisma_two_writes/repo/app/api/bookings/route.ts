import { prisma } from '@/lib/db';

export async function POST(req: Request) {
  const input = await req.json();
  const booking = await prisma.booking.create({ data: { slotId: input.slotId } });
  await prisma.payment.create({ data: { bookingId: booking.id, amountCents: 5000 } });
  return Response.json(booking, { status: 201 });
}
