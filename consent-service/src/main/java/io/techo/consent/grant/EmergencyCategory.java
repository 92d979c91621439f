package io.techo.consent.grant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A category the patient opened to break-glass reads by any clinician in an emergency. */
@Entity
@Table(name = "emergency_category")
@IdClass(EmergencyCategory.Key.class)
public class EmergencyCategory extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public String patientId;

    @Id
    public String category;

    @Column(name = "designated_at", nullable = false)
    public Instant designatedAt;

    /** Composite primary key. */
    public static class Key implements Serializable {
        public String patientId;
        public String category;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(patientId, k.patientId) && Objects.equals(category, k.category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(patientId, category);
        }
    }
}
