const express = require('express');
const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL);
const app = express();
// Cache only: we never .lpush( or stream anything, entries expire.
app.get('/products/:id', async (req, res) => {
  const hit = await redis.get(`product:${req.params.id}`);
  if (hit) return res.json(JSON.parse(hit));
  const product = { id: req.params.id };
  await redis.set(`product:${req.params.id}`, JSON.stringify(product), 'EX', 300);
  res.json(product);
});
app.listen(3000);
