package io.techo.gateway.edge;

import io.techo.common.ids.Uuids;
import java.util.regex.Pattern;

/** The correlation id: the client's {@code X-Request-Id} if it is a sane token, else a fresh UUIDv7. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : Uuids.v7().toString();
    }
}
