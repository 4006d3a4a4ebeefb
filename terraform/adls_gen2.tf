# ADLS Gen2 account, the lake filesystem (container) and its top-level folders.
#
#   <filesystem>/<lake_root_dir>/{bronze,silver,gold,_state}  the lake: the jobs read and write here
#   <filesystem>/<landing_dir>/                               rating files dropped for the ratings task (read-only for the jobs)
#   <filesystem>/unity-catalog/                               the catalog's managed storage (volumes: JAR, reports)
#
# Entra ID only: shared-key access is disabled. The container is created through Azure Resource
# Manager (no data-plane role needed); the folders through the data plane with the deploying
# identity's token, which gets Storage Blob Data Contributor on this container only.

locals {
  lake_layers = ["bronze", "silver", "gold", "_state"]

  lake_dfs_host      = "${azurerm_storage_account.lake.name}.dfs.core.windows.net"
  lake_container_uri = "abfss://${azurerm_storage_container.lake.name}@${local.lake_dfs_host}"
  lake_root_uri      = "${local.lake_container_uri}/${var.lake_root_dir}"
  landing_uri        = "${local.lake_container_uri}/${var.landing_dir}"
  managed_uri        = "${local.lake_container_uri}/${local.managed_dir}"

  # The catalog's managed storage; lake_root_dir and landing_dir may not be this folder.
  managed_dir = "unity-catalog"
}

resource "azurerm_storage_account" "lake" {
  name                = local.storage_account_name
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location

  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = var.storage_replication_type
  access_tier              = "Hot"
  is_hns_enabled           = true # hierarchical namespace = ADLS Gen2

  https_traffic_only_enabled       = true
  min_tls_version                  = "TLS1_2"
  allow_nested_items_to_be_public  = false
  shared_access_key_enabled        = false # Entra ID (OAuth) only
  default_to_oauth_authentication  = true
  cross_tenant_replication_enabled = false

  # Default: reachable from public networks (Entra ID still required), as the jobs' clusters, the
  # dashboard's serverless SQL warehouse and the deploying machine need.
  # lake_public_network_access_restricted = true denies every network except lake_allowed_ip_ranges,
  # lake_allowed_subnet_ids, trusted Azure services and the access connector (resource instance
  # rule): job clusters then need VNet injection, and the serverless warehouse serverless network
  # access (see README, "Restricted network mode").
  public_network_access_enabled = true

  dynamic "network_rules" {
    for_each = var.lake_public_network_access_restricted ? [1] : []
    content {
      default_action             = "Deny"
      bypass                     = ["AzureServices"]
      ip_rules                   = var.lake_allowed_ip_ranges
      virtual_network_subnet_ids = var.lake_allowed_subnet_ids

      private_link_access {
        endpoint_resource_id = azurerm_databricks_access_connector.lake.id
      }
    }
  }

  # Soft delete: a deleted blob, or the whole lake filesystem, can be restored for this many days.
  blob_properties {
    delete_retention_policy {
      days = var.lake_soft_delete_retention_days
    }
    container_delete_retention_policy {
      days = var.lake_soft_delete_retention_days
    }
  }

  tags = local.tags
}

# Created through Resource Manager (storage_account_id), so its id is the container's ARM id: the
# scope of the data roles below. On a hierarchical-namespace account a container is a filesystem.
resource "azurerm_storage_container" "lake" {
  name                  = var.lake_filesystem_name
  storage_account_id    = azurerm_storage_account.lake.id
  container_access_type = "private"
}

# Lets the identity running Terraform create the folders below through the data plane: the
# smallest built-in data role that can (azurerm docs, r/storage_data_lake_gen2_path), on this
# container only. Not Owner: no ACLs or path owners are set.
resource "azurerm_role_assignment" "deployer_lake_contributor" {
  scope                = azurerm_storage_container.lake.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = data.azurerm_client_config.current.object_id
}

resource "azurerm_storage_data_lake_gen2_path" "lake_root" {
  storage_account_id = azurerm_storage_account.lake.id
  filesystem_name    = azurerm_storage_container.lake.name
  path               = var.lake_root_dir
  resource           = "directory"

  depends_on = [time_sleep.rbac_propagation]
}

resource "azurerm_storage_data_lake_gen2_path" "layer" {
  for_each = toset(local.lake_layers)

  storage_account_id = azurerm_storage_account.lake.id
  filesystem_name    = azurerm_storage_container.lake.name
  path               = "${azurerm_storage_data_lake_gen2_path.lake_root.path}/${each.key}"
  resource           = "directory"
}

resource "azurerm_storage_data_lake_gen2_path" "landing" {
  storage_account_id = azurerm_storage_account.lake.id
  filesystem_name    = azurerm_storage_container.lake.name
  path               = var.landing_dir
  resource           = "directory"

  depends_on = [time_sleep.rbac_propagation]
}

# Deployments made before the container moved to Resource Manager: forget the old data-plane
# filesystem resource instead of deleting the lake with it. The container then has to be imported
# once (README, "Upgrading an existing deployment"); creating it over the existing one fails
# without touching the data.
removed {
  from = azurerm_storage_data_lake_gen2_filesystem.lake

  lifecycle {
    destroy = false
  }
}
