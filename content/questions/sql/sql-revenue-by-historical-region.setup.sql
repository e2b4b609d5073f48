CREATE TABLE orders(order_id BIGINT, customer_id VARCHAR, order_ts TIMESTAMP, amount_usd DECIMAL(12,2), ds VARCHAR);
CREATE TABLE dim_customer(customer_key BIGINT, customer_id BIGINT, region VARCHAR, effective_date DATE, expiry_date DATE, is_current BOOLEAN);
INSERT INTO dim_customer VALUES
  (1, 42, 'EMEA', '2023-06-01', '2024-01-15', FALSE),
  (2, 42, 'NA', '2024-01-15', NULL, TRUE),   -- moved on Jan 15
  (3, 7, 'APAC', '2023-01-01', NULL, TRUE);
INSERT INTO orders VALUES
  (1, '42', '2024-01-10 10:00:00', 100.00, '2024-01-10'),
  (2, '42', '2024-01-15 12:00:00', 200.00, '2024-01-15'),   -- on the change day
  (3, '42', '2024-01-20 09:00:00', 50.00, '2024-01-20'),
  (4, '0042', '2024-01-05 16:00:00', 30.00, '2024-01-05'),  -- the same customer, zero-padded
  (5, 'guest', '2024-01-06 11:00:00', 25.00, '2024-01-06'),
  (6, '7', '2024-01-08 13:00:00', 40.00, '2024-01-08'),
  (7, '99', '2024-01-09 14:00:00', 10.00, '2024-01-09'),    -- no dimension row at all
  (8, '42', '2023-12-31 22:00:00', 500.00, '2023-12-31');   -- December
