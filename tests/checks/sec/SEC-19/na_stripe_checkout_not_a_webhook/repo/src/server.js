const express = require('express');
const Stripe = require('stripe');
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const app = express();
app.use(express.json());

// Creates a Checkout Session: a Stripe route, but not a webhook.
app.post('/api/stripe/checkout', async (req, res) => {
  const session = await stripe.checkout.sessions.create({ mode: 'payment', line_items: req.body.items });
  res.json({ url: session.url });
});

app.listen(3000);
