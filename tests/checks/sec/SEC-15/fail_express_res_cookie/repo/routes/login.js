const express = require('express');
const jwt = require('jsonwebtoken');
const router = express.Router();

router.post('/login', async (req, res) => {
  const user = await findUser(req.body.email, req.body.password);
  if (!user) return res.status(401).end();
  const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '8h' });
  res.cookie('auth_token', token, { httpOnly: true, maxAge: 8 * 3600 * 1000 });
  res.json({ ok: true });
});

module.exports = router;
