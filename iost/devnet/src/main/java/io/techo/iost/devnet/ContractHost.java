package io.techo.iost.devnet;

/** The part of IOST's contract host API ({@code storage}, {@code blockchain}, {@code tx}, {@code block}) contracts use. */
interface ContractHost {
    String get(String key);

    void put(String key, String value);

    String mapGet(String key, String field);

    void mapPut(String key, String field, String value);

    /** {@code blockchain.requireAuth}: whether the tx carries the account's permission. */
    boolean requireAuth(String account, String permission);

    String contractOwner();

    void receipt(String content);

    String txHash();

    long blockNumber();
}
