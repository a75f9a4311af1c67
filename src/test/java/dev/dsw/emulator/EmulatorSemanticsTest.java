package dev.dsw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.api.ApiException;
import dev.dsw.api.Emulators;
import dev.dsw.model.InstancePage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The semantics table of docs/emulator.md, parameter by parameter, through real signed HTTP. */
class EmulatorSemanticsTest {
  static EmulatorServer server;

  @BeforeAll
  static void start() throws URISyntaxException {
    Path data = Path.of(EmulatorSemanticsTest.class.getResource("/fleet/semantics.json").toURI());
    EmulatorConfig d = Emulators.options();
    server = Emulators.start(d.toBuilder().data(data).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<String> ids(String... kv) {
    Map<String, String> p = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], kv[i + 1]);
    }
    return Emulators.ids(server, p);
  }

  @Test
  void noParametersMeansDefaultWorkspacePayAsYouGoNewestFirstTiesByIdAscending() {
    assertThat(ids()).containsExactly("dsw-i7", "dsw-i2", "dsw-i6", "dsw-i1", "dsw-i5");
  }

  @Test
  void workspaceAndResourceScopes() {
    assertThat(ids("WorkspaceId", "ALL", "ResourceId", "ALL")).hasSize(7);
    assertThat(ids("WorkspaceId", "51234")).containsExactly("dsw-i3");
    assertThat(ids("ResourceId", "rg-1")).containsExactly("dsw-i4");
    assertThat(ids("ResourceId", "ALL")).contains("dsw-i4").doesNotContain("dsw-i3");
  }

  @Test
  void namesAndImagesAreCaseSensitiveSubstrings() {
    assertThat(ids("InstanceName", "rain")).containsExactlyInAnyOrder("dsw-i1", "dsw-i2");
    assertThat(ids("InstanceName", "train")).containsExactly("dsw-i1");
    assertThat(ids("ImageName", "gpu-1", "WorkspaceId", "ALL", "ResourceId", "ALL"))
        .containsExactlyInAnyOrder("dsw-i1", "dsw-i4", "dsw-i7");
  }

  @Test
  void statusAndInstanceIdAreAnyOfAndStillScoped() {
    assertThat(ids("Status", "Failed,Saving")).containsExactlyInAnyOrder("dsw-i5", "dsw-i7");
    assertThat(ids("InstanceId", "dsw-i1,dsw-i3")).containsExactly("dsw-i1");
    assertThat(ids("InstanceId", "dsw-i1,dsw-i3", "WorkspaceId", "ALL"))
        .containsExactlyInAnyOrder("dsw-i1", "dsw-i3");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PaymentType|Subscription|dsw-i4",
        "Accessibility|PUBLIC|dsw-i2 dsw-i7",
        "AcceleratorType|CPU|dsw-i2",
        "CreateUserId|u3|dsw-i4 dsw-i7",
        "GpuType|NVIDIA A10|dsw-i1",
        "GpuType|A10|",
        "OversoldType|AcceptQuotaOverSold|dsw-i4",
        "OversoldInfo|AcceptQuotaOverSold-true|dsw-i4",
        "OversoldType|SomethingNew|",
        "MinCpu|12000|dsw-i4 dsw-i5 dsw-i6",
        "MaxCpu|500|dsw-i2",
        "MinGpu|500|dsw-i1 dsw-i3 dsw-i4 dsw-i5 dsw-i6 dsw-i7",
        "MaxGpu|500|dsw-i2 dsw-i4",
        "MinMemory|94|dsw-i4 dsw-i5 dsw-i6",
        "MaxMemory|8|dsw-i2",
        "MinGpuMemory|80|dsw-i3 dsw-i5 dsw-i6",
        "MaxGpuMemory|16|dsw-i2 dsw-i4 dsw-i7",
        "MinGpuMemory|20|dsw-i1 dsw-i3 dsw-i5 dsw-i6",
        "CreateTimeAfter|2024-06-01T00:00:00Z|dsw-i2 dsw-i3 dsw-i7",
        "CreateTimeBefore|2024-01-01T00:00:00Z|dsw-i1 dsw-i4 dsw-i5",
        "Labels|{\"team\":\"nlp\"}|dsw-i1",
        "Labels|{\"team\":\"nlp\",\"env\":\"dev\"}|",
        "Tag|[{\"Key\":\"cc\",\"Value\":\"1\"}]|dsw-i1",
      })
  void exactFiltersBoundsAndPairsOverTheWholeFleet(String param, String value, String expected) {
    List<String> want = expected == null ? List.of() : List.of(expected.split(" "));
    assertThat(ids("WorkspaceId", "ALL", "ResourceId", "ALL", param, value))
        .containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  void sortsByEveryFieldInBothDirectionsWithTiesByIdAscending() {
    assertThat(ids("SortBy", "Priority", "Order", "DESC"))
        .containsExactly("dsw-i6", "dsw-i1", "dsw-i5", "dsw-i7", "dsw-i2");
    assertThat(ids("SortBy", "GmtCreateTime", "Order", "ASC"))
        .containsExactly("dsw-i1", "dsw-i5", "dsw-i6", "dsw-i2", "dsw-i7");
    assertThat(ids("SortBy", "GmtModifiedTime"))
        .containsExactly("dsw-i6", "dsw-i7", "dsw-i2", "dsw-i1", "dsw-i5");
    assertThat(ids("Order", "ASC"))
        .containsExactly("dsw-i1", "dsw-i5", "dsw-i6", "dsw-i2", "dsw-i7");
  }

  @Test
  void pagesAndCountsAllMatches() {
    InstancePage p = Emulators.raw(server, Map.of("PageSize", "2", "PageNumber", "2"));
    assertThat(p.totalCount()).isEqualTo(5);
    assertThat(p.instances()).extracting(i -> i.id()).containsExactly("dsw-i6", "dsw-i1");
    assertThat(Emulators.raw(server, Map.of("PageSize", "2", "PageNumber", "9")).instances())
        .isEmpty();
    assertThat(Emulators.raw(server, Map.of()).instances()).hasSize(5); // PageSize defaults to 10
  }

  @Test
  void unknownFieldsAreServedBackUnchanged() {
    var i5 = Emulators.raw(server, Map.of("InstanceId", "dsw-i5")).instances().get(0);
    assertThat(i5.raw().get("FutureField").toString())
        .isEqualTo("{\"Nested\":[1,\"two\",null],\"Flag\":true}");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Status|Runing",
        "PaymentType|Prepaid",
        "Accessibility|private",
        "AcceleratorType|TPU",
        "SortBy|Name",
        "Order|UP",
        "PageSize|101",
        "PageSize|0",
        "PageNumber|-1",
        "MinCpu|1.5",
        "MaxGpu|abc",
        "MinMemory|-4",
        "CreateTimeAfter|yesterday",
        "Labels|{bad json",
        "Labels|[1,2]",
        "Labels|{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"e\":\"5\"}",
        "Tag|{\"Key\":\"k\"}",
        "Tag|[{\"Value\":\"v\"}]",
      })
  void refusesBadValuesWithValidationError(String param, String value) {
    assertThatThrownBy(() -> ids(param, value))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("ValidationError");
              assertThat(e.apiMessage()).contains(param);
              assertThat(e.requestId()).isNotBlank();
            });
  }

  @Test
  void readsPlusAsSpaceLikeTheGateway() {
    assertThat(Gateway.decodeQuery("GpuType=NVIDIA+A10&N=%E8%AE%AD%20x&E="))
        .containsEntry("GpuType", "NVIDIA A10")
        .containsEntry("N", "训 x")
        .containsEntry("E", "");
  }
}
