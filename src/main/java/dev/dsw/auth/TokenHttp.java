package dev.dsw.auth;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How the credential services (STS, ECS metadata, a credentials URI) are reached: through the same
 * HTTP stack as the API (dev.dsw.http), which implements this, so that the proxy, --ca-bundle, the
 * timeouts, the retries, --debug (redacted) and the rule that credentials go only over https (or
 * plain http to this machine) hold for them too. auth defines it, and does not see okhttp.
 */
public interface TokenHttp {
  /**
   * One call.
   *
   * @param what what is called, for messages: "STS AssumeRole", "ECS metadata", "credentials URI"
   * @param method GET or PUT
   * @param baseUrl where: scheme, host, port and perhaps a path; never holds a secret
   * @param path appended to the base URL's path ("" for none)
   * @param query the query, asked afresh for each attempt (a signature with a new nonce); empty for
   *     none
   * @param headers request headers
   * @param metadata the ECS metadata service: plain http to its link-local address, never proxied
   */
  record Call(
      String what,
      String method,
      String baseUrl,
      String path,
      Supplier<Map<String, String>> query,
      Map<String, String> headers,
      boolean metadata) {}

  /** The status and body of a reply (the body cut at 1 MiB). */
  record Reply(int status, String body) {}

  /**
   * Sends the call and returns its reply, whatever its status; a network failure after retries is
   * an IOException. A URL that is not http(s), or plain http to a host other than this machine, is
   * a {@link CredentialsException} before anything is sent.
   */
  Reply send(Call call) throws IOException;

  /** For a chain that must never fetch: every call is refused. */
  TokenHttp NONE =
      call -> {
        throw new CredentialsException(
            call.what() + " cannot be reached from here", java.util.List.of());
      };
}
