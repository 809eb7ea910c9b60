const fs = require('fs');
const https = require('https');
const { Pool } = require('pg');

// Never set rejectUnauthorized: false here; the CA bundle below is the fix.
const agent = new https.Agent({ ca: fs.readFileSync('/etc/ssl/certs/internal-ca.pem') });
const pool = new Pool({ ssl: { rejectUnauthorized: true, ca: process.env.PG_CA } });
if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
  throw new Error('TLS verification must stay on');
}
module.exports = { agent, pool };
