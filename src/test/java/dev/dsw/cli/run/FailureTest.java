package dev.dsw.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.Where;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of failure → its one message line, its hint (if any) and its documented exit code. */
class FailureTest {
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            new ApiException(
                403,
                "InvalidAccessKeyId.NotFound",
                "Specified access key is not found.",
                "req-1",
                null,
                null),
            "InvalidAccessKeyId.NotFound",
            "check the AccessKey ID",
            4),
        Arguments.of(
            new ApiException(400, "SignatureDoesNotMatch", "bad signature", "req-2", null, null),
            "SignatureDoesNotMatch",
            "check the AccessKey secret",
            4),
        Arguments.of(
            new ApiException(403, "Forbidden.RAM", "no", "req-3", null, null),
            "Forbidden.RAM",
            "paidsw:ListInstances",
            1),
        Arguments.of(
            new ApiException(429, "Throttling.User", "slow down", "req-4", null, null),
            "Throttling.User",
            "lower --concurrency",
            1),
        Arguments.of(
            new ApiException(400, "InvalidTimeStamp.Expired", "old", "req-5", null, null),
            "InvalidTimeStamp.Expired",
            "sync it",
            1),
        Arguments.of(
            new CredentialsException("no credentials found", List.of("environment", "config.json")),
            "no credentials found; tried: environment, config.json",
            "ALIBABA_CLOUD_ACCESS_KEY_ID",
            4),
        Arguments.of(
            new ConfigException("~/.aliyun/config.json is not valid JSON"),
            "is not valid JSON",
            null,
            4),
        Arguments.of(
            new InvalidQueryException("--min-cpu must not be negative (got -1)"),
            "--min-cpu must not be",
            null,
            2),
        Arguments.of(
            new InvalidQueryException("no region", "pass --region"),
            "no region",
            "pass --region",
            2),
        Arguments.of(
            new UsageException("--all-regions and --region cannot be combined", "drop one of them"),
            "cannot be combined",
            "drop one of them",
            2),
        Arguments.of(where("Status"), "--where 'Status': no operator", null, 2),
        Arguments.of(emulatorOptions(), "--fault-rate must be between 0 and 1", null, 2),
        Arguments.of(
            new dev.dsw.http.ProxyException("HTTPS_PROXY is not a proxy URL"),
            "HTTPS_PROXY is not a proxy URL",
            null,
            2),
        Arguments.of(
            new NotFoundException("instance dsw-x not found in any workspace", "check the ID"),
            "dsw-x not found",
            "check the ID",
            5),
        Arguments.of(
            new IncompleteResultException("page 3 of 4 failed", null),
            "output is incomplete: page 3 of 4 failed",
            "rerun",
            3),
        Arguments.of(
            new NetworkException("cannot connect to 127.0.0.1:9", new IOException("refused")),
            "cannot connect to 127.0.0.1:9",
            "HTTPS_PROXY",
            1),
        Arguments.of(
            new MalformedResponseException("the response has no TotalCount", "req-6", null),
            "no TotalCount",
            "not the API's JSON",
            1),
        Arguments.of(
            new OutputClosedException(new IOException("No space left on device")),
            "cannot write to stdout: No space left on device",
            null,
            1),
        Arguments.of(
            new UncheckedIOException(new IOException("disk\nfull")), "I/O error: disk", null, 1),
        Arguments.of(new InterruptedException(), "interrupted", null, 130),
        // a verdict's kind is the README's exit code (the listing room names kinds, not numbers)
        Arguments.of(
            new Verdict("2 instances not measured", null, Verdict.Kind.INCOMPLETE),
            "not measured",
            null,
            3),
        Arguments.of(
            new Verdict("1 finding at or above high", "see --baseline", Verdict.Kind.FINDINGS),
            "1 finding",
            "--baseline",
            6),
        Arguments.of(
            new Verdict("timed out after 5m", "raise --timeout", Verdict.Kind.WAIT_TIMEOUT),
            "timed out",
            "--timeout",
            7),
        Arguments.of(
            new Verdict("dsw-1 is Failed", null, Verdict.Kind.WAIT_FAILED), "Failed", null, 8),
        Arguments.of(
            new dev.dsw.api.InvalidQueryException("--query applies to a listing, not to --watch"),
            "not to --watch",
            null,
            2),
        Arguments.of(
            new IllegalStateException("boom\nsecond line"),
            "unexpected error: IllegalStateException: boom",
            "--debug",
            1));
  }

  static Exception where(String expression) {
    try {
      Where.parse(expression, new InstanceColumns(Clock.systemUTC()), Clock.systemUTC());
      throw new AssertionError("parsed: " + expression);
    } catch (Where.SyntaxException e) {
      return e;
    }
  }

  static Exception emulatorOptions() {
    try {
      EmulatorConfig.builder().faultRate(2).build();
      throw new AssertionError("built");
    } catch (EmulatorConfig.Invalid e) {
      return e;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void eachFailureIsOneLineWithItsHintAndExitCode(
      Exception e, String message, String hint, int exit) {
    Failure f = Failure.describe(e);
    assertThat(f.message()).contains(message).doesNotContain("\n").doesNotContain("\r");
    if (hint == null) {
      assertThat(f.hint()).isEmpty();
    } else {
      assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h).contains(hint));
    }
    assertThat(f.exitCode()).isEqualTo(exit);
  }
}
