package io.techo.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** Settings of the consent-service, under {@code techo.consent}. */
@ConfigMapping(prefix = "techo.consent")
public interface ConsentConfig {

    /** Longest period a single grant may cover; longer requests are refused. */
    @WithDefault("366d")
    Duration maxGrantPeriod();

    /** How long a registration challenge can be answered. */
    @WithDefault("10m")
    Duration registrationTimeout();

    /** The HL7 v3 PurposeOfUse codes a grant or a read may name. */
    @WithDefault("TREAT,ETREAT,HPAYMT,HRESCH,HOPERAT,CAREMGT,PATRQT,FAMRQT,PUBHLTH")
    Set<String> purposes();
}
