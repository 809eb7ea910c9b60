const express = require('express');
const pino = require('pino');

const logger = pino();
const app = express();

app.post('/login', async (req, res) => {
  const user = await findUser(req.body.username);
  const ok = user && (await verify(user.passwordHash, req.body.password));
  if (!ok) {
    logger.warn({ userId: user?.id, reason: user ? 'bad_password' : 'unknown_user', emailVerified: user?.emailVerified }, 'login failed');
    return res.status(401).end();
  }
  logger.info({ userId: user.id, tokenCount: 1 }, 'login succeeded');
  res.json({ ok: true });
});
app.listen(3000);
