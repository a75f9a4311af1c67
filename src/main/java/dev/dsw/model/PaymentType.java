package dev.dsw.model;

/** Billing method, spelled as on the wire. */
public enum PaymentType {
  PayAsYouGo,
  Subscription
}
