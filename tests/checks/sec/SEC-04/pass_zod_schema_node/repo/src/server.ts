import express from 'express';
import { env } from './env';

const app = express();
app.get('/health', (_req, res) => res.json({ ok: true }));
app.listen(env.PORT);
