package dev.dsw.model;

/** Sort direction (Order), spelled as on the wire. */
public enum SortOrder {
  ASC,
  DESC
}
