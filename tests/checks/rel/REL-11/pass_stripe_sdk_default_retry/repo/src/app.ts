import express from 'express';
import { stripe } from './stripe';
const app = express();
app.post('/subscribe', async (_req, res) => res.json(await stripe.subscriptions.list()));
app.listen(3000);
