const express = require('express');
const { initialize } = require('unleash-client');

const unleash = initialize({ url: process.env.UNLEASH_URL, appName: 'orders', customHeaders: { Authorization: process.env.UNLEASH_TOKEN } });
const app = express();

app.post('/checkout', (req, res) => {
  const ctx = { userId: req.get('x-user-id') };
  if (unleash.isEnabled('new-checkout', ctx)) {
    return res.json({ flow: 'new' });
  }
  res.json({ flow: 'legacy' });
});
app.listen(3000);
