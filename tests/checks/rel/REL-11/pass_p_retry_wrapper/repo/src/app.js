const express = require('express');
const { sendWelcome } = require('./mailer');
const app = express();
app.post('/signup', async (req, res) => {
  await sendWelcome(req.body.to);
  res.status(201).end();
});
app.listen(3000);
