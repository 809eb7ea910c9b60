const express = require('express');
const app = express();
app.get('/reviews', (req, res) => res.json([]));
app.listen(3000);
