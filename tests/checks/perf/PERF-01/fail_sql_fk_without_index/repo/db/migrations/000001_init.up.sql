CREATE TABLE customers (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE
);

CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    coupon_id BIGINT,
    total INTEGER NOT NULL
);

CREATE INDEX orders_coupon_id_idx ON orders (coupon_id);
