const express = require('express');
const cookieSession = require('cookie-session');
const app = express();
app.use(cookieSession({ name: 'session', keys: [process.env.COOKIE_KEY] }));
app.get('/me', (req, res) => res.json(req.session.user || null));
app.listen(3000);
