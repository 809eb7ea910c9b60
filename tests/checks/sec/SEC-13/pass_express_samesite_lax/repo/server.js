const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({
  name: 'sid',
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true, sameSite: 'lax' },
}));
app.put('/me', (req, res) => res.json({ ok: true }));
app.listen(3000);
