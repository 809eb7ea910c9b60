import type { Booking } from '@prisma/client';
import { getServerSession } from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { authOptions, isAdmin } from '@/lib/auth';
import { prisma } from '@/lib/db';
import { logger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

/** Front-desk lookup of bookings by (part of) the customer's name. */
export async function GET(req: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!isAdmin(session)) {
    return NextResponse.json({ error: 'Forbidden' }, { status: 403 });
  }

  const q = req.nextUrl.searchParams.get('q')?.trim() ?? '';
  if (q.length < 2) {
    return NextResponse.json({ error: 'Query must be at least 2 characters' }, { status: 400 });
  }

  try {
    const rows = (await prisma.$queryRawUnsafe(`SELECT * FROM "Booking" WHERE "customerName" ILIKE '%${q}%'`)) as Booking[];
    return NextResponse.json(
      { results: rows.slice(0, 50) },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  } catch (err) {
    logger.error({ err }, 'booking search failed');
    return NextResponse.json({ error: 'Search failed' }, { status: 500 });
  }
}
