import express from 'express';
import { hashPassword } from './session';

const app = express();
app.use(express.json());

app.post('/signup', async (req, res) => {
  const passwordHash = await hashPassword(req.body.password);
  res.status(201).json({ ok: Boolean(passwordHash) });
});

app.listen(3000);
