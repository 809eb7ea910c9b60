import { trace } from '@opentelemetry/api';
import axios from 'axios';
import express from 'express';

const tracer = trace.getTracer('profile');
const app = express();

app.get('/profile/:id', async (req, res) => {
  await tracer.startActiveSpan('load-profile', async (span) => {
    const r = await axios.get(`https://users.internal/users/${req.params.id}`, { timeout: 2000 });
    span.end();
    res.json(r.data);
  });
});
app.listen(3000);
