# The AI/BI (Lakeview) dashboard over the named tables, on a serverless SQL warehouse.
#
# dashboards/movie-status.lvdash.json holds the pages and widgets; each widget's datasetName is the
# name of a query file in dashboards/queries/ (<name>.sql), whose ${catalog}.${schema} placeholders
# are filled in here. The Maven build runs every query file against the demo lake (same table
# names) and checks that each widget's fields are columns of its query.

resource "databricks_sql_endpoint" "dashboard" {
  name                      = "${local.base_name}-dashboard"
  cluster_size              = "2X-Small"
  max_num_clusters          = 1
  auto_stop_mins            = 10
  enable_serverless_compute = true
  warehouse_type            = "PRO"
}

locals {
  dashboard_dir   = "${path.module}/dashboards"
  dashboard_files = fileset("${local.dashboard_dir}/queries", "*.sql")

  dashboard_datasets = [
    for file in sort(tolist(local.dashboard_files)) : {
      name        = trimsuffix(file, ".sql")
      displayName = replace(trimsuffix(file, ".sql"), "_", " ")
      queryLines = [
        templatefile("${local.dashboard_dir}/queries/${file}", {
          catalog = databricks_catalog.lake.name
          schema  = databricks_schema.movies.name
        })
      ]
    }
  ]

  serialized_dashboard = jsonencode(merge(
    jsondecode(file("${local.dashboard_dir}/movie-status.lvdash.json")),
    { datasets = local.dashboard_datasets }
  ))
}

resource "databricks_directory" "dashboards" {
  path = var.dashboard_parent_path
}

resource "databricks_dashboard" "movie_status" {
  display_name         = "movie-status (${var.environment})"
  warehouse_id         = databricks_sql_endpoint.dashboard.id
  parent_path          = databricks_directory.dashboards.path
  serialized_dashboard = local.serialized_dashboard

  # Viewers query with their own Unity Catalog rights (the analysts group's SELECT grant).
  embed_credentials = false
}

resource "databricks_permissions" "dashboard_warehouse" {
  count = var.analysts_group == "" ? 0 : 1

  sql_endpoint_id = databricks_sql_endpoint.dashboard.id

  access_control {
    group_name       = var.analysts_group
    permission_level = "CAN_USE"
  }
}

resource "databricks_permissions" "dashboard" {
  count = var.analysts_group == "" ? 0 : 1

  dashboard_id = databricks_dashboard.movie_status.id

  access_control {
    group_name       = var.analysts_group
    permission_level = "CAN_RUN"
  }
}
