import Stripe from 'stripe';

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, {
  apiVersion: '2024-04-10',
  timeout: 10000,
  maxNetworkRetries: 2,
  appInfo: { name: 'tidewater-booking', version: '0.4.0' },
  typescript: true,
});
