CREATE TABLE ad_impressions(impression_id BIGINT, ad_id BIGINT, user_id BIGINT, impression_ts TIMESTAMP, ds VARCHAR);
CREATE TABLE ad_clicks(click_id BIGINT, impression_id BIGINT, click_ts TIMESTAMP, ds VARCHAR);
CREATE TABLE dim_ad(ad_id BIGINT, advertiser_id BIGINT, objective VARCHAR);
INSERT INTO dim_ad VALUES (1, 900, 'CONVERSIONS'), (2, 900, 'REACH'), (3, 901, NULL);
INSERT INTO ad_impressions VALUES
  (101, 1, 50, '2024-01-01 10:00:00', '2024-01-01'),
  (102, 1, 51, '2024-01-01 11:00:00', '2024-01-01'),
  (103, 1, 52, '2024-01-01 23:00:00', '2024-01-01'),
  (104, 2, 53, '2024-01-01 09:00:00', '2024-01-01'),
  (105, 2, 54, '2024-01-01 12:00:00', '2024-01-01'),
  (106, 3, 55, '2024-01-01 08:00:00', '2024-01-01'),
  (107, 1, 56, '2024-01-02 08:00:00', '2024-01-02');   -- next day's impression
INSERT INTO ad_clicks VALUES
  (1, 101, '2024-01-01 10:01:00', '2024-01-01'),
  (2, 101, '2024-01-01 10:05:00', '2024-01-01'),   -- double click on one impression
  (3, 103, '2024-01-02 02:00:00', '2024-01-02'),   -- within 24 h, in the next day's partition
  (4, 104, '2024-01-02 10:00:00', '2024-01-02'),   -- 25 h later: does not count
  (5, 106, '2024-01-01 08:30:00', '2024-01-01'),
  (6, 107, '2024-01-02 08:01:00', '2024-01-02');
