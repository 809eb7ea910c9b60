import { Router } from 'express';
import { loginLimiter } from './limits';

export const router = Router();
router.post('/login', loginLimiter, async (req, res) => {
  res.json({ ok: true });
});
