package dev.dsw.model;

/** The fields the service sorts on (SortBy), spelled as on the wire. */
public enum SortField {
  Priority,
  GmtCreateTime,
  GmtModifiedTime
}
