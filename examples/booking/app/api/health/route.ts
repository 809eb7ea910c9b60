import { NextResponse } from 'next/server';
import { prisma } from '@/lib/db';
import { logger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

type CheckResult = { status: 'ok' | 'error'; latencyMs: number };

export async function GET() {
  const checks: Record<string, CheckResult> = {};

  const started = Date.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
    checks.database = { status: 'ok', latencyMs: Date.now() - started };
  } catch (err) {
    logger.error({ err }, 'health check: database unreachable');
    checks.database = { status: 'error', latencyMs: Date.now() - started };
  }

  const healthy = Object.values(checks).every((check) => check.status === 'ok');

  return NextResponse.json(
    {
      status: healthy ? 'ok' : 'degraded',
      timestamp: new Date().toISOString(),
      uptime: process.uptime(),
      checks,
    },
    {
      status: healthy ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
    },
  );
}
