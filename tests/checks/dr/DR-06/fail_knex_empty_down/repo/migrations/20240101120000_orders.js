exports.up = function (knex) {
  return knex.schema.createTable("orders", (t) => {
    t.increments("id");
  });
};

exports.down = function () {};
