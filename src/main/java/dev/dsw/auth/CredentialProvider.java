package dev.dsw.auth;

/**
 * Supplies credentials for each request; temporary ones are refreshed shortly before they expire.
 */
public interface CredentialProvider {
  Credentials get();

  /** Where the credentials come from, for 'dsw config show' and error messages; never a secret. */
  String describe();

  /** A provider that always returns the same credentials. */
  static CredentialProvider of(Credentials c) {
    return new CredentialProvider() {
      @Override
      public Credentials get() {
        return c;
      }

      @Override
      public String describe() {
        return c.source();
      }
    };
  }
}
