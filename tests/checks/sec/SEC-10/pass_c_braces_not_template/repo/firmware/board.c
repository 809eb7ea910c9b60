/* Board key table: triple braces here are C aggregate initialisers, not template output. */
struct key_config { int pins[1][4]; int id; };

static const struct key_config key_table[] = {
	{{{0, 1, 0, 0}}, 1},
	{{{1, 0, 1, 0}}, 2},
};
