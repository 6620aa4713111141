package io.trailsleuth.model;

import java.util.List;

/**
 * Columns of the {@code snapshots} table: one row per item of a point-in-time snapshot (an AWS CLI output or an AWS
 * Config file), with the item as JSON and the typed fields the analysis joins on.
 */
public enum SnapshotColumn implements TableColumn {
  RUN_ID(ColumnType.STRING),
  SOURCE_FILE(ColumnType.STRING),
  SOURCE_SHA256(ColumnType.STRING),
  ITEM_INDEX(ColumnType.BIGINT),
  KIND(ColumnType.STRING),
  ITEM_TYPE(ColumnType.STRING),
  ITEM(ColumnType.JSON),
  ACCOUNT_ID(ColumnType.STRING),
  REGION(ColumnType.STRING),
  CAPTURED_AT(ColumnType.TIMESTAMP),
  ROLE_NAME(ColumnType.STRING),
  ROLE_ID(ColumnType.STRING),
  ROLE_ARN(ColumnType.STRING),
  ROLE_CREATED_AT(ColumnType.TIMESTAMP),
  ROLE_DELETED(ColumnType.BOOLEAN),
  FUNCTION_NAME(ColumnType.STRING),
  FUNCTION_ARN(ColumnType.STRING),
  FUNCTION_ROLE_ARN(ColumnType.STRING),
  FUNCTION_KEY_ARN(ColumnType.STRING),
  KEY_ARN(ColumnType.STRING),
  KEY_MANAGER(ColumnType.STRING),
  GRANT_ID(ColumnType.STRING),
  GRANTEE_PRINCIPAL(ColumnType.STRING),
  GRANTEE_ROLE_ID(ColumnType.STRING),
  GRANTEE_SESSION(ColumnType.STRING),
  GRANT_FUNCTION_ARN(ColumnType.STRING),
  GRANT_CREATED_AT(ColumnType.TIMESTAMP);

  /** All columns in table order. */
  public static final List<SnapshotColumn> ALL = List.of(values());

  private final ColumnType type;

  SnapshotColumn(ColumnType type) {
    this.type = type;
  }

  @Override
  public ColumnType type() {
    return type;
  }
}
