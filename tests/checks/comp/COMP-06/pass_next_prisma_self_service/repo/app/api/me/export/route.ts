import { prisma } from '../../../../lib/db';
import { currentUserId } from '../../../../lib/session';

export async function GET() {
  const userId = await currentUserId();
  if (!userId) return new Response(null, { status: 401 });
  const data = await prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, bookings: true },
  });
  return new Response(JSON.stringify(data, null, 2), {
    headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="my-data.json"' },
  });
}
