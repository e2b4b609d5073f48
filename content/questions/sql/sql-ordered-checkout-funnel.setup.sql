CREATE TABLE shop_events(user_id BIGINT, event_name VARCHAR, event_ts TIMESTAMP, ds VARCHAR);
INSERT INTO shop_events VALUES
  (1, 'view_item',      '2024-01-01 10:00:00', '2024-01-01'),
  (1, 'view_item',      '2024-01-01 10:01:00', '2024-01-01'),   -- repeated view: still one user
  (1, 'add_to_cart',    '2024-01-01 10:05:00', '2024-01-01'),
  (1, 'checkout_start', '2024-01-01 10:10:00', '2024-01-01'),
  (1, 'purchase',       '2024-01-01 10:15:00', '2024-01-01'),   -- user 1 completes the funnel
  (2, 'view_item',      '2024-01-01 11:00:00', '2024-01-01'),
  (2, 'add_to_cart',    '2024-01-01 11:05:00', '2024-01-01'),   -- user 2 stops at the cart
  (3, 'checkout_start', '2024-01-01 08:00:00', '2024-01-01'),   -- a checkout before any view: not a step of this funnel
  (3, 'view_item',      '2024-01-01 09:00:00', '2024-01-01'),
  (3, 'add_to_cart',    '2024-01-01 09:10:00', '2024-01-01'),   -- user 3 reaches step 2 only
  (4, 'view_item',      '2024-01-01 09:00:00', '2024-01-01'),
  (4, 'checkout_start', '2024-01-01 09:20:00', '2024-01-01'),   -- before the cart: comparing MIN(checkout) with MIN(cart) drops user 4
  (4, 'add_to_cart',    '2024-01-01 09:30:00', '2024-01-01'),
  (4, 'checkout_start', '2024-01-01 09:40:00', '2024-01-01'),   -- the checkout that follows the cart
  (4, 'purchase',       '2024-01-01 09:50:00', '2024-01-01'),   -- user 4 completes the funnel
  (5, 'purchase',       '2024-01-01 12:00:00', '2024-01-01'),   -- buy-now from an ad, no view: counting users per event puts them in step 4
  (6, 'view_item',      '2024-01-01 13:00:00', '2024-01-01'),
  (6, 'purchase',       '2024-01-01 13:05:00', '2024-01-01'),   -- skipped cart and checkout: step 1 only
  (7, 'view_item',      '2024-01-01 23:50:00', '2024-01-01'),
  (7, 'add_to_cart',    '2024-01-02 00:05:00', '2024-01-02');   -- next day: outside the one-day funnel
