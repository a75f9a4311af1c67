package dev.dsw.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates to trust instead of the runtime's own, from a PEM file (--ca-bundle or
 * DSW_CA_BUNDLE, as AWS_CA_BUNDLE is for the aws CLI): what users behind a TLS-inspecting proxy
 * need. The checks stay the JDK's: the trust manager is the default algorithm's, over a key store
 * holding only these certificates, and host names are verified as always.
 */
public final class CaBundle {
  /** Larger than any real bundle (the Mozilla set is about 220 KB). */
  static final long MAX_BYTES = 4L << 20;

  private final X509TrustManager trust;
  private final SSLSocketFactory sockets;

  private CaBundle(X509TrustManager trust, SSLSocketFactory sockets) {
    this.trust = trust;
    this.sockets = sockets;
  }

  X509TrustManager trustManager() {
    return trust;
  }

  SSLSocketFactory socketFactory() {
    return sockets;
  }

  /** The bundle in this file, or an {@link Invalid} saying in words why it is not one. */
  public static CaBundle load(Path file) {
    String name = file.toString();
    byte[] pem;
    try {
      if (!Files.isRegularFile(file)) {
        throw new Invalid(
            Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.exists(file)
                ? "CA bundle " + name + " is not a regular file"
                : "CA bundle " + name + " does not exist");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new Invalid("CA bundle " + name + " is larger than 4 MiB");
      }
      pem = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Invalid("cannot read CA bundle " + name + " (permission denied or unreadable)");
    }
    Collection<? extends Certificate> certs;
    try (InputStream in = new ByteArrayInputStream(pem)) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (GeneralSecurityException | IOException e) {
      throw new Invalid("CA bundle " + name + " holds no readable PEM certificate");
    }
    if (certs.isEmpty()) {
      throw new Invalid("CA bundle " + name + " holds no certificate");
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      X509TrustManager trust = null;
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          trust = x;
        }
      }
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trust}, null);
      return new CaBundle(trust, tls.getSocketFactory());
    } catch (GeneralSecurityException | IOException e) {
      throw new Invalid("CA bundle " + name + " cannot be used: " + e.getClass().getSimpleName());
    }
  }

  /** A CA bundle that cannot be used: a usage error, nothing sent. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }
}
