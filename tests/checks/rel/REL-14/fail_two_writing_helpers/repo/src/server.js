const express = require('express');
const { insertOrder, reserveStock } = require('./repo');

const app = express();
app.use(express.json());

app.post('/orders', async (req, res) => {
  await reserveStock(req.body.items);
  await insertOrder(req.body);
  res.status(201).end();
});

app.listen(3000);
