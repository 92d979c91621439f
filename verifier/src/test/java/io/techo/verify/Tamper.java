package io.techo.verify;

import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorRef;
import java.util.List;

/** Copies of a confirmation with one part replaced, as a forger would. */
final class Tamper {

    private Tamper() {
    }

    static AnchorConfirmed object(AnchorConfirmed c, String object) {
        return new AnchorConfirmed(c.logEventId(), c.logEventType(), c.subject(), c.ownerId(), c.leafIndex(), c.leafData(),
                object, c.auditPath(), c.checkpoint(), c.anchor());
    }

    static AnchorConfirmed leafData(AnchorConfirmed c, String leafData) {
        return new AnchorConfirmed(c.logEventId(), c.logEventType(), c.subject(), c.ownerId(), c.leafIndex(), leafData,
                c.object(), c.auditPath(), c.checkpoint(), c.anchor());
    }

    static AnchorConfirmed auditPath(AnchorConfirmed c, List<String> auditPath) {
        return new AnchorConfirmed(c.logEventId(), c.logEventType(), c.subject(), c.ownerId(), c.leafIndex(), c.leafData(),
                c.object(), auditPath, c.checkpoint(), c.anchor());
    }

    static AnchorConfirmed checkpoint(AnchorConfirmed c, String checkpoint, AnchorRef anchor) {
        return new AnchorConfirmed(c.logEventId(), c.logEventType(), c.subject(), c.ownerId(), c.leafIndex(), c.leafData(),
                c.object(), c.auditPath(), checkpoint, anchor);
    }

    static AnchorRef anchor(AnchorRef a, long size, String rootHex, String txHash) {
        return new AnchorRef(a.chainId(), a.contract(), txHash, a.blockNumber(), a.status(), a.origin(), size, rootHex,
                a.prevSize());
    }
}
