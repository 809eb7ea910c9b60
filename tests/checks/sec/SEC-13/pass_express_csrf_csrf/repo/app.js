const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const { doubleCsrf } = require('csrf-csrf');

const app = express();
app.use(cookieParser());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

const { doubleCsrfProtection, generateToken } = doubleCsrf({
  getSecret: () => process.env.CSRF_SECRET,
  cookieName: '__Host-csrf',
});

app.get('/csrf-token', (req, res) => res.json({ token: generateToken(req, res) }));
app.use(doubleCsrfProtection);
app.post('/profile', (req, res) => res.json({ ok: true }));
app.listen(3000);
