package io.techo.kit.batch;

import io.vertx.mysqlclient.MySQLException;

/** What a failure from the reactive MySQL/MariaDB client means. */
public final class SqlErrors {

    /** ER_DUP_ENTRY: the same MySQL and MariaDB error number for a unique or primary key already taken. */
    private static final int DUPLICATE_ENTRY = 1062;

    private SqlErrors() {
    }

    /** Whether the statement failed because a row with the same unique key exists. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MySQLException mysql && mysql.getErrorCode() == DUPLICATE_ENTRY) {
                return true;
            }
        }
        return false;
    }
}
