package io.techo.testkit;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Collects the spans a service under test finishes ({@code @Inject InMemorySpanExporter}), so tests can follow its
 * traces: Quarkus exports to every {@code SpanExporter} bean. Discovered through test-kit's {@code META-INF/beans.xml}.
 */
@Dependent
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
