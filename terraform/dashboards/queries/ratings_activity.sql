-- Users' ratings per day (latest rating per user and movie).
SELECT date_id, count(*) AS ratings, count(DISTINCT user_key) AS users, round(avg(rating), 2) AS mean_rating
FROM ${catalog}.${schema}.ratings_fact
GROUP BY date_id
ORDER BY date_id
