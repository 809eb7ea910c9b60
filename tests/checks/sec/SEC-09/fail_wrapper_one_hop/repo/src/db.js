const { Pool } = require('pg');
const pool = new Pool();

function run(sql, params) {
  return pool.query(sql, params);
}

module.exports = { run };
