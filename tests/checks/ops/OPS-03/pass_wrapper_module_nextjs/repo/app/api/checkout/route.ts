import { ld } from '@/lib/flags';

export async function POST(req: Request) {
  const user = { kind: 'user', key: req.headers.get('x-user-id') ?? 'anon' };
  const on = await ld.variation('new-checkout', user, false);
  return Response.json({ flow: on ? 'new' : 'legacy' });
}
