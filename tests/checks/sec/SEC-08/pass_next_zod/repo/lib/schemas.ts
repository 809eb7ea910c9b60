import { z } from 'zod';
export const createBooking = z.object({ slotId: z.string(), guests: z.number().int().min(1) });
export const listQuery = z.object({ take: z.coerce.number().max(100).default(20) });
