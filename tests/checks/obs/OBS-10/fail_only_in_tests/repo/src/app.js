const express = require('express');
const app = express();
app.get('/menu', (req, res) => res.json([]));
app.listen(3000);
