import { prisma } from '../../../../../../lib/db';
import { recordAudit } from '../../../../../../lib/audit';
import { auth } from '../../../../../../lib/auth';

export async function POST(req: Request, { params }: { params: { id: string } }) {
  const session = await auth();
  await prisma.booking.update({ where: { id: params.id }, data: { status: 'REFUNDED' } });
  await recordAudit(session.user.id, 'booking.refund', 'Booking', params.id);
  return Response.json({ ok: true });
}
