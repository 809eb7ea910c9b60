import { Prisma } from '@prisma/client';
import { NextRequest, NextResponse } from 'next/server';
import type Stripe from 'stripe';
import { prisma } from '@/lib/db';
import { sendBookingConfirmation } from '@/lib/email';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { stripe } from '@/lib/stripe';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: NextRequest) {
  const signature = req.headers.get('stripe-signature');
  if (!signature) {
    return NextResponse.json({ error: 'Missing Stripe-Signature header' }, { status: 400 });
  }

  // The signature covers the exact bytes Stripe sent, so read the raw body.
  const rawBody = await req.text();

  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, env.STRIPE_WEBHOOK_SECRET);
  } catch (err) {
    logger.warn({ err }, 'stripe webhook signature verification failed');
    return NextResponse.json({ error: 'Invalid signature' }, { status: 400 });
  }

  let confirmedBookingId: string | null;
  try {
    confirmedBookingId = await prisma.$transaction(async (tx) => {
      // Inserting the event id first makes a redelivered event fail on the
      // primary key before any booking or payment row is touched.
      await tx.processedStripeEvent.create({ data: { id: event.id, type: event.type } });
      return applyEvent(tx, event);
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      logger.info({ eventId: event.id, type: event.type }, 'stripe event already processed');
      return NextResponse.json({ received: true, duplicate: true });
    }
    logger.error({ err, eventId: event.id, type: event.type }, 'stripe webhook processing failed');
    // A 5xx makes Stripe redeliver the event later.
    return NextResponse.json({ error: 'Webhook processing failed' }, { status: 500 });
  }

  if (confirmedBookingId) {
    await notifyCustomer(confirmedBookingId);
  }
  return NextResponse.json({ received: true });
}

async function applyEvent(tx: Prisma.TransactionClient, event: Stripe.Event): Promise<string | null> {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      const bookingId = session.metadata?.bookingId;
      if (!bookingId || session.payment_status !== 'paid') return null;

      const paymentIntentId =
        typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id ?? null;

      await tx.payment.update({
        where: { bookingId },
        data: { status: 'SUCCEEDED', stripePaymentIntentId: paymentIntentId },
      });
      await tx.booking.update({ where: { id: bookingId }, data: { status: 'CONFIRMED' } });
      logger.info({ bookingId, eventId: event.id }, 'payment succeeded, booking confirmed');
      return bookingId;
    }

    case 'checkout.session.expired': {
      const bookingId = event.data.object.metadata?.bookingId;
      if (!bookingId) return null;

      const booking = await tx.booking.update({ where: { id: bookingId }, data: { status: 'CANCELLED' } });
      await tx.payment.update({ where: { bookingId }, data: { status: 'FAILED' } });
      await tx.slot.update({
        where: { id: booking.slotId },
        data: { booked: { decrement: booking.partySize } },
      });
      logger.info({ bookingId, eventId: event.id }, 'checkout expired, seats released');
      return null;
    }

    default:
      logger.debug({ type: event.type, eventId: event.id }, 'ignoring stripe event');
      return null;
  }
}

async function notifyCustomer(bookingId: string): Promise<void> {
  try {
    const booking = await prisma.booking.findUniqueOrThrow({
      where: { id: bookingId },
      include: { slot: true, payment: true },
    });
    await sendBookingConfirmation({
      bookingId: booking.id,
      customerName: booking.customerName,
      customerEmail: booking.customerEmail,
      partySize: booking.partySize,
      startsAt: booking.slot.startsAt,
      amountCents: booking.payment?.amountCents ?? 0,
      currency: booking.payment?.currency ?? 'eur',
    });
  } catch (err) {
    // The payment is recorded; a missing email must not make Stripe redeliver.
    logger.error({ err, bookingId }, 'failed to send booking confirmation');
  }
}
