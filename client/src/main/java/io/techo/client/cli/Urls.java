package io.techo.client.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs typed by a person: only absolute http(s) ones are accepted. */
final class Urls {

    private Urls() {
    }

    static URI http(String option, String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(option + ": not an http(s) URL: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + ": not a URL: " + text);
        }
    }
}
