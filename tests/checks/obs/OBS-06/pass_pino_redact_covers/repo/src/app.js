const express = require('express');
const { logger } = require('./logger');

const app = express();
app.use(express.json());

app.post('/login', (req, res) => {
  const { email } = req.body;
  logger.warn({ email }, 'login failed');
  res.status(401).end();
});
app.listen(3000);
