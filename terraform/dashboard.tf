# The AI/BI (Lakeview) dashboard over the named tables, on a serverless SQL warehouse.
#
# dashboards/movie-status.lvdash.json holds the pages and widgets; each widget's datasetName is the
# name of a query file in dashboards/queries/ (<name>.sql), whose ${catalog}.${schema} placeholders
# are filled in here. The Maven build runs every query file against the demo lake (same table
# names) and checks that each widget's fields are columns of its query.
#
# Restricted network mode (lake_public_network_access_restricted = true): this serverless warehouse
# runs in Databricks' serverless compute plane, which the lake's storage firewall blocks until
# serverless network access is set up at the account level (a network connectivity configuration
# bound to the workspace, its subnets in lake_allowed_subnet_ids). Not created here; see README.
# https://learn.microsoft.com/azure/databricks/admin/sql/serverless#configure-azure-storage-firewalls

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

# The dashboard's own folder, not /Shared (where every user has CAN_MANAGE on everything, so a
# CAN_RUN grant there means nothing). Items inherit the folder's permissions: owners manage,
# analysts read; the dashboard itself adds CAN_RUN for the analysts.
# https://registry.terraform.io/providers/databricks/databricks/1.128.0/docs/resources/permissions#folder-usage
resource "databricks_directory" "dashboards" {
  path = var.dashboard_parent_path
}

resource "databricks_permissions" "dashboards_folder" {
  directory_path = databricks_directory.dashboards.path

  access_control {
    group_name       = var.owners_group
    permission_level = "CAN_MANAGE"
  }

  dynamic "access_control" {
    for_each = local.analysts
    content {
      group_name       = access_control.value
      permission_level = "CAN_READ"
    }
  }
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
  sql_endpoint_id = databricks_sql_endpoint.dashboard.id

  access_control {
    group_name       = var.owners_group
    permission_level = "CAN_MANAGE"
  }

  dynamic "access_control" {
    for_each = local.analysts
    content {
      group_name       = access_control.value
      permission_level = "CAN_USE"
    }
  }
}

# https://registry.terraform.io/providers/databricks/databricks/1.128.0/docs/resources/permissions#dashboard-usage
resource "databricks_permissions" "dashboard" {
  dashboard_id = databricks_dashboard.movie_status.id

  access_control {
    group_name       = var.owners_group
    permission_level = "CAN_MANAGE"
  }

  dynamic "access_control" {
    for_each = local.analysts
    content {
      group_name       = access_control.value
      permission_level = "CAN_RUN"
    }
  }
}
