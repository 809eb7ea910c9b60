import express from 'express';
import { emailQueue } from './queue';
const app = express();
app.post('/invite', async (req, res) => {
  await emailQueue.add('invite', { to: req.body.to });
  res.status(202).end();
});
app.listen(3000);
