package dev.dsw.model;

/** Visibility inside the workspace, spelled as on the wire. */
public enum Accessibility {
  PRIVATE,
  PUBLIC
}
