package io.techo.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void admitsUpToItsLimitAndAgainOnceARequestLeaves() {
        Admission admission = new Admission(2);
        assertThat(admission.tryEnter()).isTrue();
        assertThat(admission.tryEnter()).isTrue();
        assertThat(admission.tryEnter()).as("full").isFalse();
        assertThat(admission.inFlight()).as("a refused request is not counted").isEqualTo(2);
        admission.leave();
        assertThat(admission.tryEnter()).isTrue();
        assertThat(admission.inFlight()).isEqualTo(2);
    }

    @Test
    void anUpstreamMustAdmitSomething() {
        assertThatThrownBy(() -> new Admission(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
