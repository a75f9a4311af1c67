package dev.dsw.cli;

/** The values of {@code --color}. */
public enum ColorMode {
  auto,
  always,
  never
}
