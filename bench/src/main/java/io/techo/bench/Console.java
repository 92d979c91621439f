package io.techo.bench;

/** Progress lines on standard output while the suite runs. */
final class Console {

    private Console() {
    }

    static void say(String format, Object... arguments) {
        System.out.printf("[bench] " + format + "%n", arguments);
    }

    static void step(String what, OpenLoop.Result result) {
        say("%-14s %5d/s offered: %7.1f/s ok, %d failed, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms", what, result.rate(),
                result.succeededPerSecond(), result.failed(), result.latencies().ms(50), result.latencies().ms(99),
                result.latencies().ms(99.9));
    }
}
