const express = require('express');
const stripe = require('./stripe');
const app = express();
app.post('/donate', async (req, res) => res.json(await stripe.charges.create({ amount: 500, currency: 'usd' })));
app.listen(3000);
