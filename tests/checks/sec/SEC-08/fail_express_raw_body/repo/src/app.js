const express = require('express');
const { z } = require('zod');
const { PrismaClient } = require('@prisma/client');
const prisma = new PrismaClient();
const app = express();
app.use(express.json());
const Profile = z.object({ bio: z.string().max(500) });

app.post('/users', async (req, res) => {
  const user = await prisma.user.create({ data: req.body });
  res.status(201).json(user);
});

app.put('/profile', async (req, res) => {
  const input = Profile.parse(req.body);
  res.json(input);
});

app.listen(3000);
