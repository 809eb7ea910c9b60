const express = require('express');
const app = express();
app.post('/api/contact', (req, res) => res.status(202).end());
app.listen(3000);
module.exports = app;
