package io.techo.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one run does. Defaults size a full run at about ten minutes; {@code --smoke} runs every scenario for a few
 * seconds at low rates (CI). Any option given explicitly wins over both.
 */
record SuiteOptions(boolean smoke, Set<Scenario> scenarios, List<Integer> ingestRates, Duration ingestStep, int anchorRate,
        Duration anchorMeasure, Duration confirmWait, int readRate, List<Integer> readProbeRates, Duration readProbeStep, Duration readMeasure, Duration rawMeasure, Duration warmup, Duration stackWarmup, int stackWarmupRate,
        int concurrency, int patients, int clinicians, Duration checkpointInterval, String databaseSuffix, Path out,
        String kafkaBootstrap, boolean flightRecordings, boolean cpuProfiles) {

    enum Scenario {
        INGEST("ingest"), RAW("raw"), ANCHOR("anchor"), READS("reads");

        final String option;

        Scenario(String option) {
            this.option = option;
        }

        static Scenario of(String option) {
            return Arrays.stream(values()).filter(s -> s.option.equals(option)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + option + "' (ingest, raw, anchor, reads)"));
        }
    }

    static final String USAGE = """
            usage: bench/run.sh [--smoke] [options]
              --smoke                   every scenario for a few seconds at low rates (CI; about 2 minutes with start-up)
              --scenarios LIST          comma-separated: ingest,raw,anchor,reads (default all)
              --ingest-rates LIST       offered records/s per step, HTTP then HTTPS (default 100,200,400,800,1600,3200)
              --ingest-step-seconds N   measured seconds per step (default 15)
              --anchor-rate N           records/s for POST -> IRREVERSIBLE (default 1000)
              --anchor-seconds N        measured seconds (default 30)
              --confirm-wait-seconds N  how long to wait for the last confirmations (default 30)
              --read-rate N             consent-checked reads/s (default 1000)
              --read-probe-rates LIST   lower read rates measured first, to find the highest with p99 ≤ 20 ms
                                        (default 250,500,750; smoke none; "none" for none)
              --read-probe-seconds N    measured seconds of each probe step (default 10)
              --read-seconds N          measured seconds (default 30)
              --raw-seconds N           measured seconds of each raw limit (default 15)
              --warmup-seconds N        warm-up before every measurement, excluded (default 5)
              --stack-warmup-seconds N  before all scenarios, records posted over HTTP then HTTPS so the JIT compilers
                                        are done before anything is measured (default 60; smoke 0)
              --stack-warmup-rate N     records/s of that warm-up (default 300)
              --concurrency N           connections to the gateway and JDBC connections of the raw insert (default 32)
              --patients N              patients registered (default 60)
              --clinicians N            clinicians registered (default 20)
              --checkpoint-ms N         anchor-service checkpoint interval T (default 1000)
              --db-suffix NAME          databases techo_{record,consent,anchor,raw}_NAME (default suite)
              --out DIR                 report directory (default results/<UTC timestamp>, relative to bench/)
              --kafka HOST:PORT         the broker (default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)
              --jfr                     also record a JFR profile of every process of the stack into the report directory
              --profile                 also sample every process's CPU with async-profiler (itimer, 1 ms) into
                                        <process>-cpu-<end>.collapsed in the report directory, one file per 30 s
                                        (collapsed stacks, flame-graph input)
            """;

    static SuiteOptions parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        boolean smoke = false;
        boolean jfr = false;
        boolean profile = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.equals("--jfr")) {
                jfr = true;
            } else if (arg.equals("--profile")) {
                profile = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                given.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
        }
        Values v = new Values(given, smoke);
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        SuiteOptions options = new SuiteOptions(smoke,
                v.text("scenarios", "ingest,raw,anchor,reads", "ingest,raw,anchor,reads").transform(SuiteOptions::scenarios),
                v.text("ingest-rates", "100,200,400,800,1600,3200", "20,40").transform(SuiteOptions::integers),
                v.seconds("ingest-step-seconds", 15, 3),
                v.integer("anchor-rate", 1000, 20),
                v.seconds("anchor-seconds", 30, 5),
                v.seconds("confirm-wait-seconds", 30, 30),
                v.integer("read-rate", 1000, 20),
                v.text("read-probe-rates", "250,500,750", "none").transform(SuiteOptions::integersOrNone),
                v.seconds("read-probe-seconds", 10, 2),
                v.seconds("read-seconds", 30, 3),
                v.seconds("raw-seconds", 15, 2),
                v.seconds("warmup-seconds", 5, 1),
                v.secondsOrNone("stack-warmup-seconds", 60, 0),
                v.integer("stack-warmup-rate", 300, 20),
                v.integer("concurrency", 32, 8),
                v.integer("patients", 60, 10),
                v.integer("clinicians", 20, 4),
                Duration.ofMillis(v.integer("checkpoint-ms", 1000, 1000)),
                v.text("db-suffix", "suite", "suite"),
                Path.of(v.text("out", "results/" + stamp, "results/" + stamp)),
                v.text("kafka", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), null), jfr, profile);
        v.rejectUnknown();
        return options;
    }

    boolean runs(Scenario scenario) {
        return scenarios.contains(scenario);
    }

    /** The run's id: the report directory's name, made safe for group ids and log origins. */
    String runId() {
        return out.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static Set<Scenario> scenarios(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Scenario::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scenario.class)));
    }

    private static List<Integer> integers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static List<Integer> integersOrNone(String list) {
        return list.equals("none") ? List.of() : integers(list);
    }

    /** Reads options given explicitly, else the smoke or the full default; remembers which were used. */
    private static final class Values {
        private final Map<String, String> given;
        private final boolean smoke;

        Values(Map<String, String> given, boolean smoke) {
            this.given = new LinkedHashMap<>(given);
            this.smoke = smoke;
        }

        String text(String name, String full, String smokeDefault) {
            String value = given.remove(name);
            return value != null ? value : smoke && smokeDefault != null ? smokeDefault : full;
        }

        int integer(String name, int full, int smokeDefault) {
            return atLeast(1, "a positive whole number", name, full, smokeDefault);
        }

        Duration seconds(String name, int full, int smokeDefault) {
            return Duration.ofSeconds(integer(name, full, smokeDefault));
        }

        /** Seconds where 0 means "skip this step". */
        Duration secondsOrNone(String name, int full, int smokeDefault) {
            return Duration.ofSeconds(atLeast(0, "a whole number of seconds, 0 or more", name, full, smokeDefault));
        }

        private int atLeast(int minimum, String expected, String name, int full, int smokeDefault) {
            String value = text(name, String.valueOf(full), String.valueOf(smokeDefault));
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < minimum) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " needs " + expected + ", got '" + value + "'");
            }
        }

        void rejectUnknown() {
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "\n" + USAGE);
            }
        }
    }
}
