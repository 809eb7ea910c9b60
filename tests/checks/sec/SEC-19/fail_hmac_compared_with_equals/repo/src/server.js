const crypto = require('crypto');
const express = require('express');
const app = express();

app.post('/hooks/github', express.raw({ type: 'application/json' }), (req, res) => {
  const digest = 'sha256=' + crypto.createHmac('sha256', process.env.SECRET).update(req.body).digest('hex');
  if (digest !== req.get('x-hub-signature-256')) return res.sendStatus(401);
  res.sendStatus(204);
});

app.listen(3000);
