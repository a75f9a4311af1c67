/**
 * The first use of each JCA service dsw's signer needs, timed in a fresh JVM: what a cold start
 * pays for SHA-256, HmacSHA256 and a random UUID. Run by bench/jca-probe.sh.
 */
public final class JcaProbe {
  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    java.security.MessageDigest.getInstance("SHA-256");
    long t1 = System.nanoTime();
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    long t2 = System.nanoTime();
    mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
    long t3 = System.nanoTime();
    java.util.UUID.randomUUID();
    long t4 = System.nanoTime();
    java.security.Security.getProviders();
    long t5 = System.nanoTime();
    System.out.printf("MessageDigest SHA-256 %.1f ms, Mac HmacSHA256 %.1f ms (init %.1f), UUID %.1f ms,"
        + " then every other provider %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6,
        (t5 - t4) / 1e6);
  }
}
