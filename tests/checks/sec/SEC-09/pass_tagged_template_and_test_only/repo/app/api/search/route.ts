import { NextRequest, NextResponse } from 'next/server';
import { prisma } from '@/lib/db';

export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams.get('q') ?? '';
  const rows = await prisma.$queryRaw`SELECT * FROM "Booking" WHERE "name" ILIKE ${'%' + q + '%'}`;
  return NextResponse.json({ rows });
}
