import express from 'express';
import { prisma } from './db';
const app = express();

app.post('/signup', async (req, res) => {
  const { email, password } = req.body;
  const user = await prisma.user.create({ data: { email, password } });
  res.status(201).json({ id: user.id });
});
