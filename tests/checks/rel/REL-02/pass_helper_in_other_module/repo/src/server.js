const express = require('express');
const { checkDependencies } = require('./checks');

const app = express();

app.get('/readyz', async (req, res) => {
  const ok = await checkDependencies();
  res.status(ok ? 200 : 503).json({ ok });
});

app.listen(3000);
