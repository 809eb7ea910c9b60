import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
app.use(express.json());

function auth(req: any, res: any, next: any) {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  try {
    req.user = jwt.verify(token, process.env.JWT_PUBLIC_KEY!);
    next();
  } catch {
    res.status(401).end();
  }
}

app.post('/api/orders', auth, (req, res) => res.status(201).json(req.body));
app.delete('/api/orders/:id', auth, (req, res) => res.status(204).end());
app.listen(8080);
