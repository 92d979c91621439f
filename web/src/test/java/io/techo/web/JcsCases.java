package io.techo.web;

import java.util.List;

/** JSON texts whose canonical form both implementations must agree on (RFC 8785 §3.2 corner cases). */
final class JcsCases {

    static final List<String> INPUTS = List.of(
            "{\"b\":2,\"a\":1,\"c\":{\"z\":[3,2,1],\"y\":null}}",
            "{\"\\u20ac\":\"Euro\",\"\\r\":\"CR\",\"\\ud83d\\ude00\":\"smile\",\"1\":\"one\",\"\\u00f6\":\"o\",\"\\u0080\":\"ctl\"}",
            "[1E21,1e-7,-0,0.000001,333333333.33333329,1e+23,4.50,2e-3,-1.5e300,9007199254740993]",
            "{\"text\":\"line\\nbreak \\\"quoted\\\" \\u0007 \\u001f tab\\t / \\u2028 日本語\"}",
            "{\"nested\":[{\"b\":[],\"a\":{}},true,false,null,\"\"]}",
            "{\"type\":\"techo.record.header\",\"version\":1,\"suite\":\"techo-v1\",\"category\":\"blood-pressure\"}");

    private JcsCases() {
    }
}
