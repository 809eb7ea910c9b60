const crypto = require('crypto');
const express = require('express');
const app = express();
const users = new Map();

app.post('/signup', (req, res) => {
  const { email, password } = req.body;
  const digest = crypto.createHash('sha256').update(password).digest('hex');
  users.set(email, digest);
  res.sendStatus(201);
});

app.listen(3000);
