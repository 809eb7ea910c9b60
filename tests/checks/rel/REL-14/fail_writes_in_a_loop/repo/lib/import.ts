import { prisma } from './db';

export async function importSlots(slots: { startsAt: Date }[]) {
  for (const s of slots) {
    await prisma.slot.create({ data: { startsAt: s.startsAt } });
  }
}
