package dev.dsw.output;

import dev.dsw.model.Instance;
import dev.dsw.model.Masking;
import java.util.List;

/**
 * The one masking step: every formatter that {@link Format#formatter} hands out sits behind it, so
 * no format can forget to mask. Secrets are masked by the one rule of {@link Masking}: ImageAuth,
 * the values of EnvironmentVariables, and any field named like a password, secret, token, auth or
 * AccessKey ID (CredentialConfig's UserInfo, ServiceConfig's passwords).
 */
public final class Secrets {
  private Secrets() {}

  /**
   * True when a column reads a field path that could hold a secret, so rows must be masked first.
   */
  static boolean anyMayReveal(List<Column> columns) {
    for (Column c : columns) {
      if (c.path() != null
          && (c.path().startsWith("EnvironmentVariables")
              || c.path().startsWith("CredentialConfig")
              || c.path().startsWith("ServiceConfig")
              || Masking.SENSITIVE.matcher(c.path()).matches())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instance as output may show it: itself with {@code show}; else a masked copy. An instance
   * rendered while its page was read ({@link Instance#json()}) was rendered masked already, unless
   * secrets were asked for, so it passes as it is.
   */
  public static Instance apply(Instance instance, boolean show) {
    if (show || instance.rendered()) {
      return instance;
    }
    return new Instance(Masking.masked(instance.raw()));
  }

  /**
   * The formatter behind the masking step; formats that show only columns mask only when a column
   * may reveal.
   */
  static Formatter step(Formatter next, Format format, OutputSpec spec) {
    if (spec.showSecrets() || (format.hasColumns() && !anyMayReveal(spec.columns()))) {
      return next;
    }
    return new Formatter() {
      @Override
      public void begin() {
        next.begin();
      }

      @Override
      public void row(Instance instance) {
        next.row(apply(instance, false));
      }

      @Override
      public void end() {
        next.end();
      }

      @Override
      public void abort() {
        next.abort();
      }
    };
  }
}
