import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';
export const prisma = new PrismaClient();
export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
