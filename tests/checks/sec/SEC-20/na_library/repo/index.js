// Mentions cors in a comment only: a string helper, no server.
module.exports = function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
};
