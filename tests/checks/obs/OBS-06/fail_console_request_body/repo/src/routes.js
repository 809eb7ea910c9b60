const express = require('express');
const router = express.Router();

router.post('/signup', async (req, res) => {
  try {
    console.log('signup attempt', req.body);
    res.status(201).end();
  } catch (err) {
    console.error(err);
    res.status(500).end();
  }
});

module.exports = router;
