const express = require('express');
const { logger } = require('./logger');

const app = express();

app.get('/orders/:id', (req, res) => {
  logger.info({ orderId: req.params.id }, 'order fetched');
  res.json({ id: req.params.id });
});

app.listen(3000, () => logger.info('listening'));
