const jwt = require('jsonwebtoken');

function issue(user) {
  return jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET);
}

function authenticate(req, res, next) {
  try {
    req.user = jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET);
    next();
  } catch {
    res.sendStatus(401);
  }
}

module.exports = { issue, authenticate };
