const express = require('express');
const app = express();
app.use(express.json());

// Trusts whatever JSON arrives.
app.post('/webhooks/stripe', async (req, res) => {
  const event = req.body;
  switch (event.type) {
    case 'payment_intent.succeeded':
      await markPaid(event.data.object.id);
      break;
    default:
      break;
  }
  res.json({ received: true });
});

async function markPaid(id) { return id; }
app.listen(3000);
