import { prisma } from './db';

export async function recordAudit(actorId: string, action: string, targetType: string, targetId: string) {
  await prisma.auditLog.create({
    data: { actorId, action, targetType, targetId },
  });
}
