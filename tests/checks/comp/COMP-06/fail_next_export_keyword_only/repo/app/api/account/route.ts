import { prisma } from '../../../lib/db';

export const dynamic = 'force-dynamic';
export { prisma as db };

export async function DELETE(req: Request) {
  const { userId } = await req.json();
  await prisma.user.delete({ where: { id: userId } });
  return new Response(null, { status: 204 });
}
