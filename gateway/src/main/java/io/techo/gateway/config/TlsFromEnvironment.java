package io.techo.gateway.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns HTTPS on only when a certificate is configured: {@code TECHO_GATEWAY_TLS_CERT_FILE} and
 * {@code TECHO_GATEWAY_TLS_KEY_FILE} (PEM files) become the default TLS key store of the HTTP server. Quarkus refuses
 * an empty key store path, so an application.properties line with an empty default cannot express "no TLS".
 */
public class TlsFromEnvironment implements ConfigSource {

    static final String CERT_VARIABLE = "TECHO_GATEWAY_TLS_CERT_FILE";
    static final String KEY_VARIABLE = "TECHO_GATEWAY_TLS_KEY_FILE";

    private final Map<String, String> properties;

    public TlsFromEnvironment() {
        this(System.getenv());
    }

    TlsFromEnvironment(Map<String, String> environment) {
        String cert = environment.get(CERT_VARIABLE);
        String key = environment.get(KEY_VARIABLE);
        Map<String, String> tls = new HashMap<>();
        if (cert != null && !cert.isBlank() && key != null && !key.isBlank()) {
            tls.put("quarkus.tls.key-store.pem.gateway.cert", cert);
            tls.put("quarkus.tls.key-store.pem.gateway.key", key);
        }
        this.properties = Map.copyOf(tls);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "techo-gateway-tls";
    }

    @Override
    public int getOrdinal() {
        return 250;
    }
}
