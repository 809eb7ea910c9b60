const express = require('express');
const mailer = require('./mailer');
const app = express();
app.post('/digest', async (req, res) => {
  await mailer.deliver(req.body);
  res.status(202).end();
});
app.listen(3000);
