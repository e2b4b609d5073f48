CREATE TABLE orders(order_id BIGINT, country_code VARCHAR, amount_usd DECIMAL(12,2), order_status VARCHAR, ds VARCHAR);
INSERT INTO orders VALUES
  (1,  'US', 10.00,   'completed', '2024-01-03'),
  (2,  'US', 20.00,   'completed', '2024-01-05'),
  (3,  'US', 30.00,   'completed', '2024-01-09'),
  (4,  'US', 1000.00, 'completed', '2024-01-12'),   -- even count with an outlier: median 25, mean 265
  (5,  'US', 5.00,    'cancelled', '2024-01-15'),   -- cancelled: including it moves the median to 20
  (6,  'IN', 7.00,    'completed', '2024-01-02'),
  (7,  'IN', 3.00,    'completed', '2024-01-20'),
  (8,  'IN', 9.00,    'completed', '2024-01-31'),   -- odd count: median 7
  (9,  'IN', 100.00,  'completed', '2024-02-01'),   -- February: outside the month
  (10, 'GB', 5.00,    'completed', '2024-01-04'),
  (11, 'GB', 5.00,    'completed', '2024-01-06'),
  (12, 'GB', 8.00,    'completed', '2024-01-08'),
  (13, 'GB', 8.00,    'completed', '2024-01-10'),   -- tied amounts: RANK gives 1, 1, 3, 3 and finds no row 2
  (14, 'BR', 12.00,   'completed', '2024-01-11');   -- a single order: its own median
