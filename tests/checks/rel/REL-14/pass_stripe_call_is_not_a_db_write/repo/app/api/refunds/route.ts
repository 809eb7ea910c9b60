import { prisma } from '@/lib/db';
import { stripe } from '@/lib/stripe';

export async function POST(req: Request) {
  const { bookingId, paymentIntent } = await req.json();
  const refund = await stripe.refunds.create({ payment_intent: paymentIntent });
  await prisma.booking.update({ where: { id: bookingId }, data: { status: 'REFUNDED' } });
  return Response.json({ refund: refund.id });
}
