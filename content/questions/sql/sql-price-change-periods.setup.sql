CREATE TABLE daily_prices(product_id BIGINT, price DECIMAL(10,2), ds VARCHAR);
INSERT INTO daily_prices VALUES
  (1, 10.00, '2024-01-01'),
  (1, 10.00, '2024-01-02'),
  (1, 12.00, '2024-01-03'),
  (1, 12.00, '2024-01-04'),
  (1, 10.00, '2024-01-05'),   -- back to 10: a new period; GROUP BY product, price merges it with 01-01..01-02
  (1, 10.00, '2024-01-06'),
  (1, 10.00, '2024-01-11'),   -- after the range
  (2, 5.00,  '2024-01-01'),
  (2, 5.00,  '2024-01-02'),
  -- no row for product 2 on 2024-01-03: it was not for sale, so the period ends
  (2, 5.00,  '2024-01-04'),   -- same price after the gap: a new period, which a price-change flag alone misses
  (2, 5.00,  '2024-01-05'),
  (3, 7.00,  '2023-12-31'),   -- before the range: the period is cut at 2024-01-01
  (3, 7.00,  '2024-01-01'),
  (3, 8.00,  '2024-01-10');   -- a one-day period after a gap
