const express = require('express');
const Redis = require('ioredis');

const redis = new Redis();
const app = express();
app.post('/sessions/:id', async (req, res) => {
  await redis.set(`session:${req.params.id}`, '1');
  await redis.expire(`session:${req.params.id}`, 3600);
  res.status(204).end();
});
app.listen(3000);
