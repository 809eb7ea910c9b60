const express = require('express');
const bcrypt = require('bcrypt');
const { PrismaClient } = require('@prisma/client');
const prisma = new PrismaClient();
const app = express();

app.post('/signup', async (req, res) => {
  const passwordHash = await bcrypt.hash(req.body.password, 12);
  const user = await prisma.user.create({ data: { email: req.body.email, passwordHash } });
  res.status(201).json({ id: user.id });
});

app.listen(3000);
