// A library: it reads a locale hint from the environment of whoever calls it.
function slugify(text) {
  const locale = process.env.SLUG_LOCALE;
  return text.toLocaleLowerCase(locale).replace(/[^a-z0-9]+/g, '-');
}

module.exports = { slugify };
