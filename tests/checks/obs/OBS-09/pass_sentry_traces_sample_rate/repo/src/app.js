require('./instrument');
const express = require('express');
const Redis = require('ioredis');
const redis = new Redis();
const app = express();
app.get('/cart/:id', async (req, res) => res.json(JSON.parse((await redis.get(req.params.id)) || '{}')));
app.listen(3000);
