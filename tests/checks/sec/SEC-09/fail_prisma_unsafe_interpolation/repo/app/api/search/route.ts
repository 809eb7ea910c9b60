import { NextRequest, NextResponse } from 'next/server';
import { prisma } from '@/lib/db';

export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams.get('q') ?? '';
  if (q.length < 2) return NextResponse.json({ error: 'short' }, { status: 400 });
  // The query text is assembled before Prisma sees it.
  const rows = await prisma.$queryRawUnsafe(`SELECT * FROM "Booking" WHERE "name" ILIKE '%${q}%'`);
  return NextResponse.json({ rows });
}
