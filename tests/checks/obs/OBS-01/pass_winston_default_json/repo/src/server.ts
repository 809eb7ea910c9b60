import express from 'express';
import { log } from './log';

const app = express();
app.post('/invoices', (req, res) => {
  log.info('invoice created', { invoiceId: 42 });
  res.status(201).end();
});
app.listen(3000);
