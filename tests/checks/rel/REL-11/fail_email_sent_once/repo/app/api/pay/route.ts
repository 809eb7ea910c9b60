import { sendReceipt } from '../../../lib/email';
import { stripe } from '../../../lib/stripe';

export async function POST(req: Request) {
  const { email, amount } = await req.json();
  await stripe.paymentIntents.create({ amount, currency: 'eur' });
  try {
    await sendReceipt(email);
  } catch (err) {
    console.error('receipt failed', err);
  }
  return Response.json({ ok: true });
}
