const express = require('express');
const config = require('./config');
const app = express();
app.post('/login', (req, res) => {
  res.cookie('session', createSession(req.body), { httpOnly: true, secure: config.cookieSecure, sameSite: 'strict' });
  res.end();
});
app.listen(3000);
