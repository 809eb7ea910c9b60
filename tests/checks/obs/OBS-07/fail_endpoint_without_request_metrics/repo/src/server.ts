import express from 'express';
import { collectDefaultMetrics, register } from 'prom-client';

collectDefaultMetrics();
const app = express();

app.get('/search', (req, res) => res.json([]));

app.get('/metrics', async (_req, res) => {
  res.type(register.contentType).send(await register.metrics());
});

app.listen(3000);
