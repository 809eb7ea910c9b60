import { describe, it } from 'vitest';

const KEY = 'sk_test_gonogoFixtureTest00000000';

describe('pay', () => { it('creates a client', () => { void KEY; }); });
