const express = require('express');
const cors = require('cors');
const session = require('express-session');
const app = express();
app.use(cors());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.get('/api/me', (req, res) => res.json(req.session.user));
app.listen(3000);
