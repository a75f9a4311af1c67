package dev.dsw.cli.terminal;

/** The values of {@code --color}. */
public enum ColorMode {
  auto,
  always,
  never
}
