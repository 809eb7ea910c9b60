const express = require('express');
const orders = require('./orders');

const app = express();
app.use(express.json());
app.get('/orders', orders.list);
app.post('/orders', orders.create);
app.listen(3000);
