const express = require('express');
const { getUser } = require('./upstream');
const app = express();
app.get('/users/:id', async (req, res) => res.json(await getUser(req.params.id)));
app.listen(3000);
