import { NextRequest, NextResponse } from 'next/server';
import { createBooking, listQuery } from '@/lib/schemas';

export async function GET(req: NextRequest) {
  const q = listQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!q.success) return NextResponse.json({ error: 'bad query' }, { status: 400 });
  return NextResponse.json({ take: q.data.take });
}

export async function POST(req: NextRequest) {
  const body = await req.json();
  const parsed = createBooking.safeParse(body);
  if (!parsed.success) return NextResponse.json({ error: 'invalid' }, { status: 422 });
  return NextResponse.json(parsed.data, { status: 201 });
}
