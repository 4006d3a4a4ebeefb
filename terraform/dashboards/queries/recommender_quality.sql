-- Each trained ALS model against the bias baseline on the same test split.
SELECT model_version, trained_at, rmse, baseline_rmse, precision_at_10, baseline_precision_at_10,
       ndcg_at_10, baseline_ndcg_at_10, users, movies, test_size
FROM ${catalog}.${schema}.recommender_metrics
ORDER BY trained_at
