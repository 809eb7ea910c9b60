import express from 'express';
import { sessionMiddleware } from './session';

const app = express();
app.use(sessionMiddleware);
app.get('/me', (req, res) => res.json({}));
export default app;
