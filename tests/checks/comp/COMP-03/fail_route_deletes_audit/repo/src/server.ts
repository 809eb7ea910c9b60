import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();
app.use(express.json());

app.patch('/api/admin/users/:id/role', async (req, res) => {
  await prisma.$transaction([
    prisma.user.update({ where: { id: req.params.id }, data: { role: req.body.role } }),
    prisma.auditLog.create({ data: { actorId: req.user.id, action: 'user.role', targetId: req.params.id } }),
  ]);
  res.json({ ok: true });
});

app.delete('/api/admin/audit-logs', async (req, res) => {
  await prisma.auditLog.deleteMany({ where: { createdAt: { lt: new Date(req.query.before as string) } } });
  res.status(204).end();
});

app.listen(3000);
