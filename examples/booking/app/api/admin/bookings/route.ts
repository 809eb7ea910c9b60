import { getServerSession } from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { authOptions, isAdmin } from '@/lib/auth';
import { listBookingsQuerySchema, parseDay } from '@/lib/bookings';
import { prisma } from '@/lib/db';
import { logger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

/** Day sheet for the guides: every booking on a date, filtered by status. */
export async function GET(req: NextRequest) {
  // middleware.ts already gates /api/admin; this is the second check.
  const session = await getServerSession(authOptions);
  if (!session) {
    return NextResponse.json({ error: 'Authentication required' }, { status: 401 });
  }
  if (!isAdmin(session)) {
    logger.warn({ userId: session.user.id, path: req.nextUrl.pathname }, 'admin access denied');
    return NextResponse.json({ error: 'Forbidden' }, { status: 403 });
  }

  const query = listBookingsQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!query.success) {
    return NextResponse.json(
      { error: 'Invalid query', issues: query.error.flatten().fieldErrors },
      { status: 400 },
    );
  }
  const { date, status, take } = query.data;

  try {
    const bookings = await prisma.booking.findMany({
      where: {
        status,
        ...(date ? { date: parseDay(date) } : {}),
      },
      include: {
        slot: { select: { startsAt: true } },
        payment: { select: { status: true, amountCents: true } },
      },
      orderBy: [{ date: 'asc' }, { createdAt: 'asc' }],
      take,
    });

    return NextResponse.json({ bookings }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (err) {
    logger.error({ err }, 'admin: failed to list bookings');
    return NextResponse.json({ error: 'Could not load bookings' }, { status: 500 });
  }
}
