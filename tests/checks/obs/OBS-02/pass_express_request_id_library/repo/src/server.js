import express from 'express';
import requestId from 'express-request-id';

const app = express();
app.use(requestId());
app.get('/orders', (req, res) => res.json([]));
app.listen(3000);
