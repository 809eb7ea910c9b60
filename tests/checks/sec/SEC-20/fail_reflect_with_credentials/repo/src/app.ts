import express from 'express';
import cors from 'cors';

const app = express();
app.use(
  cors({
    origin: true,
    credentials: true,
  }),
);
app.get('/api/me', (req, res) => res.json({}));
export default app;
