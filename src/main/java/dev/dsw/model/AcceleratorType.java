package dev.dsw.model;

/** Compute type, spelled as on the wire. */
public enum AcceleratorType {
  CPU,
  GPU
}
