package io.techo.iost.rpc;

import java.util.List;
import java.util.Map;

/** {@code GET /getAccount/{name}/{by_longest_chain}} (the fields a client needs; others are ignored). */
public record Account(
        String name,
        double balance,
        GasInfo gasInfo,
        RamInfo ramInfo,
        Map<String, Permission> permissions,
        Map<String, Group> groups,
        List<Map<String, Object>> frozenBalances,
        List<Map<String, Object>> voteInfos) {

    public record GasInfo(double currentTotal, double transferableGas, double pledgeGas, double increaseSpeed,
                          double limit, List<PledgeInfo> pledgedInfo) {
    }

    public record PledgeInfo(String pledger, double amount) {
    }

    public record RamInfo(@Int64 long available, @Int64 long used, @Int64 long total) {
    }

    public record Item(String id, boolean isKeyPair, @Int64 long weight, String permission) {
    }

    public record Group(String name, List<Item> items) {
    }

    public record Permission(String name, List<String> groupNames, List<Item> items, @Int64 long threshold) {
    }
}
