const express = require('express');
const app = express();
// Sessions are opaque ids in a cookie; no JWTs.
app.get('/me', (req, res) => res.json({ jwt: false }));
app.listen(3000);
