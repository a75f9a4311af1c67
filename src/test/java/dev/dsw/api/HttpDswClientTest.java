package dev.dsw.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.http.HttpResponse;
import dev.dsw.model.InstancePage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every answer shape becomes a page or a typed exception with a clear one-line message. */
class HttpDswClientTest {
  static HttpResponse resp(int status, String type, String body) {
    return new HttpResponse(status, type, "HDR-REQ-ID", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesAPageKeepingUnknownFields() {
    InstancePage p =
        HttpDswClient.decode(
            resp(
                200,
                "application/json",
                "{\"RequestId\":\"R1\",\"TotalCount\":\"3\",\"Instances\":[{\"InstanceId\":\"dsw-1\",\"New\":{\"x\":1}}]}"));
    assertThat(p.requestId()).isEqualTo("R1");
    assertThat(p.totalCount()).isEqualTo(3);
    assertThat(p.instances().get(0).raw().get("New").toString()).isEqualTo("{\"x\":1}");
  }

  @Test
  void gatewayErrorBecomesApiExceptionWithEveryField() {
    assertThatThrownBy(
            () ->
                HttpDswClient.decode(
                    resp(
                        403,
                        "application/json",
                        "{\"requestId\":\"R2\",\"HostId\":\"h\",\"code\":\"Forbidden.RAM\",\"Message\":\"no\\n"
                            + "permission\",\"Recommend\":\"https://r\"}")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).isEqualTo("Forbidden.RAM");
              assertThat(e.requestId()).isEqualTo("R2");
              assertThat(e.hostId()).isEqualTo("h");
              assertThat(e.recommend()).isEqualTo("https://r");
              assertThat(e.getMessage())
                  .isEqualTo("Forbidden.RAM (HTTP 403): no permission [RequestId R2]");
            });
  }

  @Test
  void businessErrorInA200IsStillAnError() {
    assertThatThrownBy(
            () ->
                HttpDswClient.decode(
                    resp(
                        200,
                        "application/json",
                        "{\"RequestId\":\"R3\",\"Success\":false,\"Code\":\"InternalError\",\"Message\":\"boom\",\"HttpStatusCode\":500}")))
        .isInstanceOf(ApiException.class)
        .hasMessage("InternalError (HTTP 200): boom [RequestId R3]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty body|200|application/json||an empty body",
        "HTML page|200|text/html|<html><body>Bad gateway</body></html>|not valid JSON (text/html)",
        "truncated JSON|200|application/json|{\"RequestId\":\"R\",\"Instances\":[{\"Instan|not"
            + " valid JSON",
        "JSON array|200|application/json|[1,2]|not an object",
        "missing Instances|200|application/json|{\"RequestId\":\"R4\",\"TotalCount\":1}|no"
            + " Instances array",
        "Instances not"
            + " array|200|application/json|{\"RequestId\":\"R5\",\"TotalCount\":1,\"Instances\":{}}|not"
            + " an array",
        "TotalCount"
            + " text|200|application/json|{\"RequestId\":\"R6\",\"TotalCount\":\"many\",\"Instances\":[]}|not"
            + " a whole number",
        "missing TotalCount|200|application/json|{\"RequestId\":\"R6\",\"Instances\":[]}|no"
            + " TotalCount",
        "instance not"
            + " object|200|application/json|{\"RequestId\":\"R7\",\"TotalCount\":1,\"Instances\":[5]}|Instances[0]"
            + " is not an object",
        "instance without"
            + " id|200|application/json|{\"RequestId\":\"R8\",\"TotalCount\":1,\"Instances\":[{\"InstanceId\":7}]}|no"
            + " InstanceId",
      })
  void malformedAnswersBecomeAClearErrorWithTheRequestId(
      String what, int status, String type, String body, String message) {
    assertThatThrownBy(() -> HttpDswClient.decode(resp(status, type, body == null ? "" : body)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("[RequestId ");
  }

  @Test
  void invalidUtf8IsMalformedNotACrash() {
    byte[] bad =
        "{\"RequestId\":\"R\",\"TotalCount\":1,\"Instances\":[{\"InstanceId\":\"\u0000\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 6] = (byte) 0xC3; // a lone lead byte inside a string
    assertThatThrownBy(
            () -> HttpDswClient.decode(new HttpResponse(200, "application/json", null, bad)))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void nonJsonErrorPageKeepsTheStatus() {
    assertThatThrownBy(
            () -> HttpDswClient.decode(resp(502, "text/html", "<html>Bad Gateway</html>")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.getMessage())
                  .contains("not the API's JSON (text/html")
                  .contains("RequestId HDR-REQ-ID");
            });
  }
}
