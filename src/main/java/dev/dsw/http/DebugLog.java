package dev.dsw.http;

import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** For --debug: each attempt's request line, signed headers (redacted) and status with timing. */
final class DebugLog implements Interceptor {
  private final Consumer<String> sink;

  DebugLog(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request r = chain.request();
    sink.accept("> " + r.method() + " " + Redaction.url(r.url()));
    logHeaders(r.headers(), "> ");
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(r);
      long ms = (System.nanoTime() - start) / 1_000_000;
      String rid = response.header("x-acs-request-id");
      sink.accept(
          "< HTTP "
              + response.code()
              + " in "
              + ms
              + " ms"
              + (rid == null ? "" : " (x-acs-request-id " + rid + ")"));
      return response;
    } catch (IOException e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      sink.accept(
          "< failed after " + ms + " ms: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      throw e;
    }
  }

  private void logHeaders(Headers headers, String prefix) {
    for (int i = 0; i < headers.size(); i++) {
      sink.accept(
          prefix + headers.name(i) + ": " + Redaction.header(headers.name(i), headers.value(i)));
    }
  }

  /** Renders a signed request for --dry-run, redacted the same way. */
  static String render(Request r) {
    StringBuilder sb =
        new StringBuilder(r.method()).append(' ').append(Redaction.url(r.url())).append('\n');
    Headers h = r.headers();
    for (int i = 0; i < h.size(); i++) {
      sb.append(h.name(i))
          .append(": ")
          .append(Redaction.header(h.name(i), h.value(i)))
          .append('\n');
    }
    return sb.toString();
  }
}
