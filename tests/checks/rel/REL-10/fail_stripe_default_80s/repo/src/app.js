const express = require('express');
const { stripe } = require('./payments');
const app = express();
app.post('/pay', async (req, res) => res.json(await stripe.paymentIntents.create({ amount: 100, currency: 'eur' })));
app.listen(3000);
