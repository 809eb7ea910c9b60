const crypto = require('crypto');
const express = require('express');
const app = express();

function verifySignature(raw, header) {
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(raw).digest('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(header || '');
  if (a.length !== b.length) return false;
  return crypto.timingSafeEqual(a, b);
}

app.post('/hooks/github', express.raw({ type: 'application/json' }), (req, res) => {
  if (!verifySignature(req.body, req.get('x-hub-signature-256'))) return res.sendStatus(401);
  res.sendStatus(204);
});

app.listen(3000);
