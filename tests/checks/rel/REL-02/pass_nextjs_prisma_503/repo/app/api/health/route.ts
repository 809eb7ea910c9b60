import { NextResponse } from 'next/server';
import { prisma } from '@/lib/db';

export async function GET() {
  let database = 'ok';
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch {
    database = 'down';
  }
  const healthy = database === 'ok';
  return NextResponse.json({ database }, { status: healthy ? 200 : 503 });
}
