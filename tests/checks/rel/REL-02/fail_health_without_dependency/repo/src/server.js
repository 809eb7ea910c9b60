const express = require('express');
const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL);
const app = express();

app.get('/cart/:id', async (req, res) => res.json(JSON.parse(await redis.get(req.params.id))));
app.get('/healthz', (req, res) => res.send('ok'));

app.listen(3000);
