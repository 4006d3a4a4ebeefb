# Production environment. No secrets here: the TMDB token comes from the TF_VAR_tmdb_api_token
# environment variable (set it from your CI secret store); the ratings HMAC key is generated into
# the Key Vault once and kept (never increase ratings_hmac_key_version by accident: a new key changes
# every pseudonymised user id).

location    = "westeurope"
name_prefix = "moviestatus"
environment = "prod"

databricks_sku     = "premium"
spark_version      = "16.4.x-scala2.12" # or 17.3.x-scala2.13 (the dbr17.3 JAR, built with -Pspark-4.0)
node_type          = "Standard_D8ds_v5"
num_workers        = 2
use_spot_instances = false

storage_replication_type = "ZRS"

# Account-level group owning the Unity Catalog objects and managing the dashboard; the deploying
# identity must be a member.
owners_group   = "movie-status-admins"
analysts_group = ""

# prod: terraform destroy never drops the catalog with its tables.
uc_force_destroy = false

timezone             = "UTC"
pause_schedules      = false
ingest_schedule      = "0 30 2 * * ?"  # every day 02:30
pipeline_schedule    = "0 0 5 ? * MON" # Mondays 05:00
maintenance_schedule = "0 0 3 ? * SUN" # Sundays 03:00

tmdb_top_n = 1000

ratings_input_path = "" # set to a path below landing_dir (or an abfss:// URI) to add the ratings task
ratings_format     = "events"

vacuum_retention_hours        = 336
task_max_retries              = 2
pipeline_task_timeout_seconds = 14400

notification_emails = ["data-alerts@example.com"]

tags = {
  owner       = "data-team"
  cost_center = "analytics"
}
