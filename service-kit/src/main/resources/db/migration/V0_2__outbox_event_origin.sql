-- Shipped by techo-service-kit: what caused each event, for correlation (ADR 0210). Applied out of order on
-- databases whose service migrations are already past V0 (quarkus.flyway.out-of-order=true in every service);
-- it touches only the kit's own table, so its place among the service's migrations does not matter.
ALTER TABLE outbox_event
    ADD COLUMN request_id  VARCHAR(128) CHARACTER SET ascii NULL,
    ADD COLUMN traceparent VARCHAR(55)  CHARACTER SET ascii NULL;
