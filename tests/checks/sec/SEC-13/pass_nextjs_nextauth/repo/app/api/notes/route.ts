import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth';

export async function POST(req: Request) {
  const session = await getServerSession(authOptions);
  if (!session) return new Response(null, { status: 401 });
  const body = await req.json();
  return Response.json({ saved: body }, { status: 201 });
}
