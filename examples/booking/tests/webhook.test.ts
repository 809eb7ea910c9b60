import { Prisma } from '@prisma/client';
import { NextRequest } from 'next/server';
import Stripe from 'stripe';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Test-only values: a made-up Stripe test-mode key and webhook secret. They are
// never sent to Stripe; signatures are generated and checked locally.
const { TEST_STRIPE_KEY, TEST_WEBHOOK_SECRET } = vi.hoisted(() => ({
  TEST_STRIPE_KEY: 'sk_test_gonogoFakeTestKey0000000',
  TEST_WEBHOOK_SECRET: 'whsec_unit_test_only',
}));

const transaction = vi.fn();
const sendBookingConfirmation = vi.fn();

vi.mock('@/lib/env', () => ({
  env: { STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, NEXT_PUBLIC_APP_URL: 'http://localhost:3000' },
}));
vi.mock('@/lib/stripe', async () => {
  const { default: StripeClient } = await import('stripe');
  return { stripe: new StripeClient(TEST_STRIPE_KEY, { apiVersion: '2024-04-10' }) };
});
vi.mock('@/lib/db', () => ({
  prisma: {
    $transaction: (...args: unknown[]) => transaction(...args),
    booking: { findUniqueOrThrow: vi.fn() },
  },
}));
vi.mock('@/lib/email', () => ({
  sendBookingConfirmation: (...args: unknown[]) => sendBookingConfirmation(...args),
}));

const { POST } = await import('../app/api/webhooks/stripe/route');
const signer = new Stripe(TEST_STRIPE_KEY, { apiVersion: '2024-04-10' });

function webhookRequest(payload: string, signature?: string): NextRequest {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (signature) headers.set('stripe-signature', signature);
  return new NextRequest('http://localhost:3000/api/webhooks/stripe', { method: 'POST', body: payload, headers });
}

const payload = JSON.stringify({
  id: 'evt_test_webhook_1',
  object: 'event',
  type: 'customer.created',
  data: { object: { id: 'cus_test_1', object: 'customer' } },
});

describe('POST /api/webhooks/stripe', () => {
  beforeEach(() => {
    transaction.mockReset();
    sendBookingConfirmation.mockReset();
  });

  it('rejects a request without a signature', async () => {
    const res = await POST(webhookRequest(payload));
    expect(res.status).toBe(400);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('rejects a request signed with another secret', async () => {
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' });
    const res = await POST(webhookRequest(payload, signature));
    expect(res.status).toBe(400);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('accepts a correctly signed event', async () => {
    transaction.mockResolvedValue(null);
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
    const res = await POST(webhookRequest(payload, signature));
    expect(res.status).toBe(200);
    expect(transaction).toHaveBeenCalledOnce();
  });

  it('treats a redelivered event as already processed', async () => {
    transaction.mockRejectedValue(
      new Prisma.PrismaClientKnownRequestError('Unique constraint failed on the fields: (`id`)', {
        code: 'P2002',
        clientVersion: '5.14.0',
      }),
    );
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
    const res = await POST(webhookRequest(payload, signature));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, duplicate: true });
    expect(sendBookingConfirmation).not.toHaveBeenCalled();
  });
});
