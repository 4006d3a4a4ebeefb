# ADLS Gen2 account, the lake filesystem and its layer folders.
#
# Entra ID only: shared-key access is disabled, and the provider manages the filesystem and folders with
# the deploying identity's token (storage_use_azuread = true in providers.tf). That identity therefore
# needs a data-plane role on the account, granted below.

resource "random_string" "storage_suffix" {
  length  = 5
  upper   = false
  special = false
}

locals {
  # Storage account names: 3-24 lower-case letters and digits, globally unique. The prefix is cut to
  # fit, never the environment or the random suffix (16 + 8 + 5 characters would not fit in 24).
  storage_name_prefix  = replace(var.name_prefix, "-", "")
  storage_account_name = "${substr(local.storage_name_prefix, 0, min(length(local.storage_name_prefix), 24 - length(var.environment) - 5))}${var.environment}${random_string.storage_suffix.result}"

  lake_layers = ["bronze", "silver", "gold", "_state"]

  lake_dfs_host = "${azurerm_storage_account.lake.name}.dfs.core.windows.net"
  lake_root_uri = "abfss://${azurerm_storage_data_lake_gen2_filesystem.lake.name}@${local.lake_dfs_host}/${var.lake_root_dir}"
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

  # Default: reachable from public networks (Entra ID still required), as the jobs' clusters and the
  # deploying machine need. lake_public_network_access_restricted = true denies every network except
  # lake_allowed_ip_ranges, trusted Azure services and the access connector (resource instance
  # rule); clusters then need VNet injection with a storage service endpoint (see README).
  public_network_access_enabled = true

  dynamic "network_rules" {
    for_each = var.lake_public_network_access_restricted ? [1] : []
    content {
      default_action = "Deny"
      bypass         = ["AzureServices"]
      ip_rules       = var.lake_allowed_ip_ranges

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

# Lets the identity running Terraform create the filesystem and folders through the data plane.
resource "azurerm_role_assignment" "deployer_lake_owner" {
  scope                = azurerm_storage_account.lake.id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = data.azurerm_client_config.current.object_id
}

# Azure RBAC assignments take a while to reach the storage data plane; without this pause the first
# apply can fail with 403 AuthorizationPermissionMismatch on the filesystem.
resource "time_sleep" "deployer_rbac_propagation" {
  create_duration = "90s"

  triggers = {
    role_assignment_id = azurerm_role_assignment.deployer_lake_owner.id
  }
}

resource "azurerm_storage_data_lake_gen2_filesystem" "lake" {
  name               = var.lake_filesystem_name
  storage_account_id = azurerm_storage_account.lake.id

  depends_on = [time_sleep.deployer_rbac_propagation]
}

resource "azurerm_storage_data_lake_gen2_path" "lake_root" {
  storage_account_id = azurerm_storage_account.lake.id
  filesystem_name    = azurerm_storage_data_lake_gen2_filesystem.lake.name
  path               = var.lake_root_dir
  resource           = "directory"
}

resource "azurerm_storage_data_lake_gen2_path" "layer" {
  for_each = toset(local.lake_layers)

  storage_account_id = azurerm_storage_account.lake.id
  filesystem_name    = azurerm_storage_data_lake_gen2_filesystem.lake.name
  path               = "${azurerm_storage_data_lake_gen2_path.lake_root.path}/${each.key}"
  resource           = "directory"
}
