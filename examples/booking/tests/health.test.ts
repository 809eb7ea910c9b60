import { beforeEach, describe, expect, it, vi } from 'vitest';

const queryRaw = vi.fn();

vi.mock('@/lib/db', () => ({
  prisma: { $queryRaw: (...args: unknown[]) => queryRaw(...args) },
}));

const { GET } = await import('../app/api/health/route');

describe('GET /api/health', () => {
  beforeEach(() => {
    queryRaw.mockReset();
  });

  it('answers 200 with status, timestamp, uptime and checks when the database responds', async () => {
    queryRaw.mockResolvedValue([{ '?column?': 1 }]);

    const res = await GET();
    const body = await res.json();

    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(typeof body.timestamp).toBe('string');
    expect(typeof body.uptime).toBe('number');
    expect(body.checks.database.status).toBe('ok');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 when the database is unreachable', async () => {
    queryRaw.mockRejectedValue(new Error("Can't reach database server"));

    const res = await GET();
    const body = await res.json();

    expect(res.status).toBe(503);
    expect(body.status).toBe('degraded');
    expect(body.checks.database.status).toBe('error');
  });
});
