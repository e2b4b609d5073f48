CREATE TABLE dim_users(user_id BIGINT, phone VARCHAR, country VARCHAR, ds VARCHAR);
INSERT INTO dim_users VALUES
  (1, '555-0100', 'US', '2023-12-31'),   -- an older snapshot: without the ds filter user 1 looks changed
  (1, '555-0101', 'US', '2024-01-01'),
  (1, '555-0101', 'US', '2024-01-02'),   -- unchanged
  (2, '555-0200', 'US', '2024-01-01'),
  (2, '555-0201', 'US', '2024-01-02'),   -- phone changed: every approach sees it
  (3, NULL,       'IN', '2024-01-01'),
  (3, '555-0300', 'IN', '2024-01-02'),   -- NULL to a value: <> says NULL, not TRUE
  (4, '555-0400', 'IN', '2024-01-01'),
  (4, NULL,       'IN', '2024-01-02'),   -- a value to NULL
  (5, NULL,       'BR', '2024-01-01'),
  (5, '',         'BR', '2024-01-02'),   -- NULL to '' (the app clears a field with ''): COALESCE(phone, '') hides it
  (6, NULL,       'BR', '2024-01-01'),
  (6, NULL,       'BR', '2024-01-02'),   -- NULL both days: not a change, but "a IS NULL OR b IS NULL" says it is
  (7, '555-0700', 'US', '2024-01-01'),
  (7, '555-0700', 'CA', '2024-01-02'),   -- only the country changed
  (8, '555-0800', 'US', '2024-01-02'),   -- new on 01-02: not a changed user
  (9, '555-0900', 'US', '2024-01-01');   -- gone on 01-02: not a changed user
