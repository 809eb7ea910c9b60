import Stripe from 'stripe';

export const stripe = new Stripe(process.env.STRIPE_KEY ?? 'sk_test_gonogoFixtureDev000000000');
