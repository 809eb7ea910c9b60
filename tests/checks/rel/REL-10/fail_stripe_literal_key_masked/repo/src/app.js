const express = require('express');
const { stripe } = require('./billing');
const app = express();
app.get('/balance', async (req, res) => res.json(await stripe.balance.retrieve()));
app.listen(3000);
