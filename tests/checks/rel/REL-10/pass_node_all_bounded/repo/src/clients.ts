import axios from 'axios';
import Stripe from 'stripe';

export const catalog = axios.create({ baseURL: 'https://catalog.internal', timeout: 3000 });

export async function fetchRates() {
  const res = await fetch('https://rates.example.com/latest', { signal: AbortSignal.timeout(5000) });
  return res.json();
}

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { timeout: 8000 });
