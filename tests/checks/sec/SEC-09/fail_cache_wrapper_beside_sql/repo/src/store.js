// SQLite store: all(sql) runs whatever SQL it is given.
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database('app.db');

function all(sql) {
  return new Promise((resolve, reject) => {
    db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { all, db };
