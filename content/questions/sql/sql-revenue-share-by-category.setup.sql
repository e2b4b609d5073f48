CREATE TABLE orders(order_id BIGINT, product_id BIGINT, amount_usd DECIMAL(12,2), ds VARCHAR);
CREATE TABLE dim_product(product_id BIGINT, product_name VARCHAR, category VARCHAR);
INSERT INTO dim_product VALUES
  (1, 'Atlas',     'Books'),
  (2, 'Novel',     'Books'),
  (3, 'Kite',      'Toys'),
  (4, 'Mystery',   NULL);      -- NULL category: belongs under UNKNOWN
-- 2024-01-01 totals 100.00: Books 50, Toys 25, UNKNOWN 25 (products 4 and 5).
INSERT INTO orders VALUES
  (10, 1, 30.00, '2024-01-01'),
  (11, 2, 20.00, '2024-01-01'),
  (12, 3, 25.00, '2024-01-01'),
  (13, 4, 10.00, '2024-01-01'),
  (14, 5, 15.00, '2024-01-01'),   -- product 5 is missing from dim_product: an inner join drops 15% of revenue
  (15, 3, 100.00, '2024-01-02');  -- next day: a denominator computed over the whole table halves every share
