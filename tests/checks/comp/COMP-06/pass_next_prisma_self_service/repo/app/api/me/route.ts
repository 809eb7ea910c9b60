import { prisma, stripe } from '../../../lib/db';
import { currentUserId } from '../../../lib/session';

export async function DELETE() {
  const userId = await currentUserId();
  if (!userId) return new Response(null, { status: 401 });
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (user?.stripeCustomerId) await stripe.customers.del(user.stripeCustomerId);
  await prisma.user.delete({ where: { id: userId } });
  return new Response(null, { status: 204 });
}
