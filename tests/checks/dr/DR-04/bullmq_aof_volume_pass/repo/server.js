const express = require('express');
const { Queue } = require('bullmq');

const emails = new Queue('emails', { connection: { host: process.env.REDIS_HOST } });
const app = express();
app.post('/send', async (req, res) => {
  await emails.add('welcome', { to: req.query.to });
  res.status(202).end();
});
app.listen(3000);
