import { prisma } from '@/lib/db';

export async function PATCH(req: Request, { params }: { params: { id: string } }) {
  const { action } = await req.json();
  if (action === 'cancel') {
    await prisma.booking.update({ where: { id: params.id }, data: { status: 'CANCELLED' } });
  } else if (action === 'confirm') {
    await prisma.booking.update({ where: { id: params.id }, data: { status: 'CONFIRMED' } });
  } else {
    await prisma.auditLog.create({ data: { action, bookingId: params.id } });
  }
  return Response.json({ ok: true });
}
