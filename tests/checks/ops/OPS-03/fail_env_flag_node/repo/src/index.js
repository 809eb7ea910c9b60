const express = require('express');
const app = express();

app.post('/checkout', (req, res) => {
  if (process.env.FEATURE_NEW_CHECKOUT === 'true') return res.json({ flow: 'new' });
  res.json({ flow: 'legacy' });
});
app.listen(3000);
