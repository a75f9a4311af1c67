package dev.dsw.cli.run;

import dev.dsw.api.ApiException;
import dev.dsw.api.IncompleteResultException;
import dev.dsw.api.InvalidQueryException;
import dev.dsw.api.MalformedResponseException;
import dev.dsw.api.NetworkException;
import dev.dsw.auth.CredentialsException;
import dev.dsw.cli.terminal.OutputClosedException;
import dev.dsw.config.ConfigException;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.listing.Verdict;
import dev.dsw.output.Where;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What the user sees for an exception: one message line, an optional hint and the exit code,
 * decided in one place.
 */
public record Failure(String message, Optional<String> hint, int exitCode) {

  public static Failure describe(Throwable e) {
    if (e instanceof ApiException api) {
      return describeApi(api);
    }
    if (e instanceof CredentialsException c) {
      String msg =
          c.tried().isEmpty()
              ? c.getMessage()
              : c.getMessage() + "; tried: " + String.join(", ", c.tried());
      return new Failure(
          msg,
          Optional.of(
              "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a"
                  + " profile with 'aliyun configure'; to try dsw without an account: dsw --demo"
                  + " list"),
          ExitCodes.CREDENTIALS);
    }
    if (e instanceof ConfigException) {
      return new Failure(e.getMessage(), Optional.empty(), ExitCodes.CREDENTIALS);
    }
    if (e instanceof InvalidQueryException q) {
      return new Failure(q.getMessage(), Optional.ofNullable(q.hint()), ExitCodes.USAGE);
    }
    if (e instanceof Where.SyntaxException
        || e instanceof dev.dsw.output.Query.SyntaxException
        || e instanceof EmulatorConfig.Invalid
        || e instanceof dev.dsw.http.ProxyException
        || e instanceof dev.dsw.config.ConfigLimitException
        || e instanceof dev.dsw.http.CaBundle.Invalid
        || e instanceof dev.dsw.output.InstanceColumns.Unknown) {
      return new Failure(oneLine(e.getMessage()), Optional.empty(), ExitCodes.USAGE);
    }
    if (e instanceof UsageException u) {
      return new Failure(u.getMessage(), Optional.ofNullable(u.hint()), ExitCodes.USAGE);
    }
    if (e instanceof Verdict v) {
      return new Failure(v.getMessage(), Optional.ofNullable(v.hint()), ExitCodes.of(v.kind()));
    }
    if (e instanceof NotFoundException n) {
      return new Failure(n.getMessage(), Optional.ofNullable(n.hint()), ExitCodes.NOT_FOUND);
    }
    return describeRun(e);
  }

  /** What went wrong while a run talked to the service or wrote its output. */
  private static Failure describeRun(Throwable e) {
    if (e instanceof IncompleteResultException) {
      return new Failure(
          "output is incomplete: " + e.getMessage(),
          Optional.of("rerun, or raise --retries/--timeout"),
          ExitCodes.INCOMPLETE);
    }
    if (e instanceof NetworkException) {
      return new Failure(
          e.getMessage(),
          Optional.of("check the network, proxy settings (HTTPS_PROXY) and --endpoint"),
          ExitCodes.API);
    }
    if (e instanceof MalformedResponseException) {
      return new Failure(
          e.getMessage(),
          Optional.of("the service or a proxy answered with something that is not the API's JSON"),
          ExitCodes.API);
    }
    if (e instanceof OutputClosedException closed) {
      return new Failure(stdoutFailure(closed.getMessage()), Optional.empty(), ExitCodes.API);
    }
    if (e instanceof UncheckedIOException io) {
      return new Failure(
          "I/O error: " + oneLine(String.valueOf(io.getCause().getMessage())),
          Optional.empty(),
          ExitCodes.API);
    }
    if (e instanceof java.io.IOException io) {
      return new Failure(
          "I/O error: " + oneLine(String.valueOf(io.getMessage())),
          Optional.empty(),
          ExitCodes.API);
    }
    if (e instanceof InterruptedException) {
      return new Failure("interrupted", Optional.empty(), ExitCodes.INTERRUPTED);
    }
    return new Failure(
        "unexpected error: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())),
        Optional.of("rerun with --debug for details"),
        ExitCodes.API);
  }

  private static Failure describeApi(ApiException api) {
    String code = api.code();
    String hint;
    if (api.isCredentialProblem()) {
      hint =
          code.equals("SignatureDoesNotMatch")
              ? "check the AccessKey secret; 'dsw config show' tells which credentials were used"
              : "check the AccessKey ID or refresh the STS token; 'dsw config show' tells which"
                  + " credentials were used";
    } else if (code.startsWith("InvalidTimeStamp")) {
      hint = "the local clock is off by more than 15 minutes; sync it (e.g. with NTP)";
    } else if (code.startsWith("Forbidden") || code.equals("NoPermission")) {
      hint = "the RAM user or role needs permission for paidsw:ListInstances";
    } else if (api.isThrottling()) {
      hint = "the service is throttling; retry later or lower --concurrency";
    } else if (code.equals("ValidationError") || code.startsWith("InvalidParameter")) {
      hint = "the service rejected a parameter; see the message above";
    } else {
      hint = api.recommend();
    }
    return new Failure(
        api.getMessage(),
        Optional.ofNullable(hint),
        api.isCredentialProblem() ? ExitCodes.CREDENTIALS : ExitCodes.API);
  }

  /** The message for stdout that could not be written (a full disk, a device error). */
  public static String stdoutFailure(String reason) {
    return "cannot write to stdout: " + oneLine(String.valueOf(reason));
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
