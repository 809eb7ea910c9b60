const defaults = require('./http-defaults');

async function getUser(id, opts) {
  const res = await fetch(`https://users.internal/${id}`, { ...defaults, ...opts });
  return res.json();
}

module.exports = { getUser };
