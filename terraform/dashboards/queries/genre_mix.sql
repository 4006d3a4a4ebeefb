-- Genres of today's snapshot: number of movies and their mean weighted rating.
SELECT g.genre, count(*) AS movies, round(avg(gr.weighted_rating), 2) AS mean_weighted_rating
FROM ${catalog}.${schema}.genre_rankings gr
JOIN ${catalog}.${schema}.genres_dim g ON g.genre_id = gr.genre_id
WHERE gr.date_id = (SELECT max(date_id) FROM ${catalog}.${schema}.genre_rankings)
GROUP BY g.genre
ORDER BY movies DESC, g.genre
