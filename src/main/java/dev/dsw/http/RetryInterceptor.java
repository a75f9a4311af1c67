package dev.dsw.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Retries throttling (HTTP 429/503, or any status with a Throttling* Code), transient 5xx and
 * network failures, including bodies cut short, with backoff and Retry-After, within the overall
 * deadline. Client errors (other 4xx) are never retried. It buffers each body so that a truncated
 * one counts as a failed attempt rather than surfacing later as a parse error.
 */
final class RetryInterceptor implements Interceptor {
  static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
  private static final Pattern THROTTLING = Pattern.compile("\"[Cc]ode\"\\s*:\\s*\"Throttling");

  private final RetryPolicy policy;
  private final Duration overall;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Consumer<String> log;

  /** Waits between attempts; tests pass a recording one. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  RetryInterceptor(
      RetryPolicy policy, Duration overall, Clock clock, Sleeper sleeper, Consumer<String> log) {
    this.policy = policy;
    this.overall = overall;
    this.clock = clock;
    this.sleeper = sleeper;
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Instant deadline = clock.instant().plus(overall);
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt > policy.retries();
      Response buffered;
      try {
        buffered = buffer(chain.proceed(request));
      } catch (ResponseTooLargeException e) {
        throw e;
      } catch (IOException e) {
        if (last
            || chain.call().isCanceled()
            || e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
          throw e;
        }
        long wait = policy.backoffMillis(attempt);
        if (!fits(deadline, wait)) {
          throw e;
        }
        log.accept(
            "attempt "
                + attempt
                + " failed ("
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage()
                + "); retrying in "
                + wait
                + " ms");
        pause(wait);
        continue;
      }
      if (last || !retryable(buffered)) {
        return buffered;
      }
      long wait = retryAfterMillis(buffered).orElse(policy.backoffMillis(attempt));
      if (!fits(deadline, wait)) {
        return buffered;
      }
      log.accept(
          "attempt " + attempt + " got HTTP " + buffered.code() + "; retrying in " + wait + " ms");
      pause(wait);
    }
  }

  private boolean fits(Instant deadline, long waitMillis) {
    return clock.instant().plusMillis(waitMillis).isBefore(deadline);
  }

  private void pause(long millis) throws IOException {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  static boolean retryable(Response r) throws IOException {
    if (RetryPolicy.retryableStatus(r.code())) {
      return true;
    }
    if (r.code() >= 400) {
      String head = r.peekBody(4096).string();
      return THROTTLING.matcher(head).find();
    }
    return false;
  }

  private static java.util.OptionalLong retryAfterMillis(Response r) {
    String v = r.header("Retry-After");
    if (v == null || v.isBlank()) {
      return java.util.OptionalLong.empty();
    }
    v = v.trim();
    if (v.matches("\\d{1,6}")) {
      return java.util.OptionalLong.of(Math.min(Long.parseLong(v), 120) * 1000);
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      return java.util.OptionalLong.of(
          Math.max(0, when.toInstant().toEpochMilli() - System.currentTimeMillis()));
    } catch (DateTimeParseException e) {
      return java.util.OptionalLong.empty();
    }
  }

  /**
   * Reads the whole body now (bounded), so a connection cut mid-body throws here, inside the retry
   * loop. A body of declared length is read into one array of that size, a socket read at a time,
   * so okio's few pooled segments are reused as they empty (readFully would first buffer the whole
   * body in fresh segments); the array then travels on as it is ({@link ReadBody}), because
   * wrapping it in a new body and reading that again would copy every page twice more.
   */
  private static Response buffer(Response response) throws IOException {
    try (ResponseBody body = response.body()) {
      long declared = body.contentLength();
      if (declared > MAX_BODY_BYTES) {
        throw new ResponseTooLargeException(
            "response body of " + declared + " bytes is larger than the 64 MiB limit");
      }
      okio.BufferedSource src = body.source();
      byte[] bytes;
      if (declared >= 0) {
        bytes = new byte[(int) declared];
        java.io.InputStream in = src.inputStream();
        for (int at = 0, n; at < bytes.length; at += n) {
          n = in.read(bytes, at, bytes.length - at);
          if (n < 0) {
            throw new java.io.EOFException(
                "the response ended after " + at + " of " + bytes.length + " bytes");
          }
        }
      } else {
        okio.Buffer buf = new okio.Buffer();
        while (src.read(buf, 64 * 1024) != -1) {
          if (buf.size() > MAX_BODY_BYTES) {
            throw new ResponseTooLargeException("response body is larger than the 64 MiB limit");
          }
        }
        bytes = buf.readByteArray();
      }
      return response.newBuilder().body(new ReadBody(bytes, body.contentType())).build();
    }
  }

  /** A body read into memory; {@link Transport} takes its array without copying it. */
  static final class ReadBody extends ResponseBody {
    final byte[] bytes;
    private final MediaType type;

    ReadBody(byte[] bytes, MediaType type) {
      this.bytes = bytes;
      this.type = type;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public okio.BufferedSource source() {
      return new okio.Buffer().write(bytes);
    }
  }
}
